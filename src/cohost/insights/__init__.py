"""Decision support (运营智能): what to sell, at what price, when — and what happened in the show.

    simulator, audience, room, chatter   a seeded shop and live room with the truth recorded
    sales, sheets                        sales history import (CSV/XLSX, atomic) and the sales book
    demand, selection, pricing,          forecasts and the decisions built on them, each with a reason
    scheduling, recommend, trial
    ctrdata, movielens, models, din,     CTR/CVR models on one split; AUC, log loss, the Bayes limit
    evaluation
    shows, review, advice, charts,       show folders in the home, the post-live report, question trends
    page, trends
    planner                              glue between catalog, sales book, shows and the decisions

Nothing here sets a price or pushes a product per viewer (compliance.md PI-24, ECL-18).
"""
