// Live metric charts with the vendored ECharts (static/vendor/echarts, Apache-2.0), served from the package.
const MAX_POINTS = 240;

export class MetricsChart {
  constructor(box, labels) {
    this.labels = labels;
    this.points = [];
    // the legend is plain HTML (the slim ECharts build has no legend component)
    const legend = document.createElement("div");
    legend.className = "chart-legend";
    for (const [label, color] of [[labels.online, "#e8453c"], [labels.cpm, "#3b7ddd"], [labels.opm, "#2e9e5b"]]) {
      const item = document.createElement("span");
      const swatch = document.createElement("i");
      swatch.style.background = color;
      item.append(swatch, document.createTextNode(label));
      legend.append(item);
    }
    box.before(legend);
    this.chart = window.echarts ? window.echarts.init(box, null, { renderer: "canvas" }) : null;
    this.onResize = () => this.chart && this.chart.resize();
    window.addEventListener("resize", this.onResize);
    this.draw();
  }

  reset(records) {
    this.points = records.slice(-MAX_POINTS);
    this.draw();
  }

  push(record) {
    this.points.push(record);
    if (this.points.length > MAX_POINTS) this.points.shift();
    this.draw();
  }

  draw() {
    if (!this.chart) return;
    const time = this.points.map((p) => new Date(p.ts * 1000).toLocaleTimeString("zh-CN", { hour12: false }));
    const series = (name, key, axis, color) => ({ name, type: "line", yAxisIndex: axis, showSymbol: false, smooth: true,
      data: this.points.map((p) => (p[key] === null || p[key] === undefined ? null : p[key])), lineStyle: { width: 2 }, itemStyle: { color } });
    this.chart.setOption({
      animation: false,
      grid: { left: 48, right: 48, top: 16, bottom: 24 },
      tooltip: { trigger: "axis" },
      xAxis: { type: "category", data: time, boundaryGap: false },
      yAxis: [{ type: "value", name: "", minInterval: 1 }, { type: "value", name: "", minInterval: 1, splitLine: { show: false } }],
      series: [series(this.labels.online, "online", 0, "#e8453c"), series(this.labels.cpm, "comments_per_min", 1, "#3b7ddd"),
        series(this.labels.opm, "orders_per_min", 1, "#2e9e5b")],
    });
  }

  dispose() {
    window.removeEventListener("resize", this.onResize);
    if (this.chart) this.chart.dispose();
  }
}
