"""Decision-support API: shows and their post-live reports, and next-product recommendations.

Operation ids are stable (clients generate code from them): ``listShows``, ``listReports``,
``getReport``, ``getReportHtml``, ``recommendNext``. Recommendations are for the whole room; a request
that names a viewer is refused (compliance.md PI-24: no per-viewer treatment).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, Field

from cohost.errors import InputError
from cohost.insights.shows import SHOW_ID, ShowFolder, list_shows
from cohost.server.deps import SettingsDep, StoreDep

router = APIRouter(prefix="/api", tags=["insights"])
ShowId = Annotated[str, Path(pattern=SHOW_ID.pattern, max_length=64, description="show id (folder name)")]


class ShowList(BaseModel):
    shows: list[dict[str, Any]]


class QuestionIn(BaseModel):
    sku: str = Field(min_length=1, max_length=64)
    intent: str = Field(min_length=1, max_length=20)
    count: int = Field(ge=0, le=1_000_000)


class RecommendIn(BaseModel):
    """The room's recent signals, or a ``show_id`` to read them from that show's files."""

    show_id: str | None = Field(default=None, pattern=SHOW_ID.pattern)
    window_minutes: float = Field(default=5.0, gt=0, le=240)
    questions: list[QuestionIn] = Field(default_factory=list, max_length=10_000)
    orders: dict[str, int] = Field(default_factory=dict, max_length=10_000)
    current_sku: str | None = Field(default=None, max_length=64)
    presented_seconds: dict[str, float] = Field(default_factory=dict, max_length=10_000)
    lineup: list[str] = Field(default_factory=list, max_length=1000)
    k: int = Field(default=3, ge=1, le=20)
    viewer_id: str | None = Field(default=None, max_length=200, description="refused: never per viewer")


class RecommendationOut(BaseModel):
    sku: str
    title: str
    score: float
    reason: str


class RecommendOut(BaseModel):
    personalised: bool = False
    current_sku: str | None
    recommendations: list[RecommendationOut]


@router.get("/shows", operation_id="listShows", response_model=ShowList)
def get_shows(settings: SettingsDep) -> ShowList:
    return ShowList(shows=list_shows(settings.home))


@router.get("/reports", operation_id="listReports", response_model=ShowList)
def get_reports(settings: SettingsDep,
                written: Annotated[bool, Query(description="only shows whose report.html exists")] = False) -> ShowList:
    shows = list_shows(settings.home)
    return ShowList(shows=[s for s in shows if s["has_report"] or not written])


def _titles(store: Any) -> dict[str, str]:
    return {p.sku: p.title for p in store.catalog.list()}


@router.get("/reports/{show_id}", operation_id="getReport")
def get_report(show_id: ShowId, settings: SettingsDep, store: StoreDep) -> dict[str, Any]:
    """The review's figures as JSON (what the HTML report shows)."""
    from cohost.insights.review import review_show

    return review_show(ShowFolder(settings.home, show_id).require(), _titles(store)).to_json()


@router.get("/reports/{show_id}/html", operation_id="getReportHtml", response_class=HTMLResponse)
def get_report_html(show_id: ShowId, settings: SettingsDep, store: StoreDep) -> HTMLResponse:
    from cohost.insights.page import CSP, render_html
    from cohost.insights.review import review_show

    review = review_show(ShowFolder(settings.home, show_id).require(), _titles(store))
    return HTMLResponse(render_html(review), headers={"Content-Security-Policy": CSP})


@router.post("/recommendations", operation_id="recommendNext", response_model=RecommendOut)
def post_recommendations(body: RecommendIn, settings: SettingsDep, store: StoreDep) -> RecommendOut:
    from cohost.insights.planner import offers, room_state
    from cohost.insights.pricing import PRICE_DISCRIMINATION_RULES
    from cohost.insights.recommend import RoomState, recommend
    from cohost.insights.sales import SalesBook

    if body.viewer_id is not None:
        raise InputError("拒绝：推荐按直播间整体给出，不针对单个观众（compliance.md "
                         f"{PRICE_DISCRIMINATION_RULES}）/ recommendations are room-level, never per viewer",
                         hint="drop viewer_id")
    if body.show_id:
        state, lineup = room_state(ShowFolder(settings.home, body.show_id).require(), body.window_minutes)
    else:
        state = RoomState(questions=[(q.sku, q.intent, q.count) for q in body.questions], orders=body.orders,
                          current_sku=body.current_sku, presented_seconds=body.presented_seconds)
        lineup = body.lineup
    products = store.catalog.list()
    if not products:
        raise InputError("the catalog is empty", hint="import one with `cohost catalog import FILE`")
    picks = recommend(offers(products, SalesBook(settings.home).records(), lineup), state, k=body.k)
    return RecommendOut(current_sku=state.current_sku,
                        recommendations=[RecommendationOut(sku=r.sku, title=r.title, score=r.score, reason=r.reason)
                                         for r in picks])
