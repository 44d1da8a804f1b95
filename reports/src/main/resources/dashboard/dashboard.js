// ISTE dashboard: draws the charts from the JSON embedded in the page, and sorts the tables.
// No network: ECharts is a file beside this one. Colours: Okabe-Ito.
(function () {
  "use strict";
  var BLUE = "#0072B2", VERMILLION = "#D55E00", GREEN = "#009E73", ORANGE = "#E69F00",
      SKY = "#56B4E9", GREY = "#595959", BLACK = "#000000";
  var data = JSON.parse(document.getElementById("dashboard-data").textContent);
  var t = data.texts;

  function digits(unit) {
    return unit === "count" || unit === "days" || unit === "eur" || unit === "rank" ? 0 : 1;
  }
  function fmt(unit, v) {
    if (v === null || v === undefined) {
      return t.hidden;
    }
    var share = unit === "share";
    var d = digits(unit);
    var s = new Intl.NumberFormat(data.locale, {
      minimumFractionDigits: d, maximumFractionDigits: d
    }).format(share ? v * 100 : v);
    return share ? s + "%" : unit === "eur" ? s + " €" : s;
  }
  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"}[c];
    });
  }
  function axisValue(unit) {
    return function (v) { return fmt(unit, v); };
  }

  function trend(spec) {
    var el = document.getElementById(spec.id);
    if (!el) { return; }
    var unit = data.units[spec.measure];
    var styles = [
      {color: BLUE, type: "solid", symbol: "circle"},
      {color: VERMILLION, type: "dashed", symbol: "triangle"}
    ];
    var chart = echarts.init(el, null, {renderer: "svg"});
    chart.setOption({
      animation: false,
      color: [BLUE, VERMILLION],
      grid: {left: 70, right: 20, top: 36, bottom: 30},
      legend: {top: 0, textStyle: {color: "#1a1a1a"}},
      tooltip: {trigger: "axis", valueFormatter: axisValue(unit)},
      xAxis: {type: "category", data: data.quarters, axisLabel: {color: "#1a1a1a"}},
      yAxis: {type: "value", scale: true, axisLabel: {color: "#1a1a1a", formatter: axisValue(unit)}},
      series: spec.series.map(function (s, i) {
        var st = styles[i % styles.length];
        return {
          type: "line", name: s.name, data: s.values, connectNulls: false,
          symbol: st.symbol, symbolSize: 7,
          lineStyle: {color: st.color, type: st.type, width: 2}, itemStyle: {color: st.color}
        };
      })
    });
  }

  function funnel(spec) {
    var el = document.getElementById(spec.id);
    if (!el) { return; }
    var unit = data.units[spec.measure];
    var maxN = spec.points.reduce(function (m, p) { return Math.max(m, p.n); }, spec.minN || 1);
    var from = Math.max(spec.minN || 1, 1), to = maxN * 1.1;
    function curve(z) {
      var xs = [];
      for (var i = 0; i <= 60; i++) {
        var n = from + (to - from) * i / 60;
        var v = spec.target + z * spec.sigma / Math.sqrt(n);
        if (unit === "share") { v = Math.min(1, Math.max(0, v)); }
        xs.push([n, v]);
      }
      return xs;
    }
    function line(name, id, points, color, dash) {
      return {
        type: "line", id: id, name: name, data: points, showSymbol: false, silent: true,
        lineStyle: {color: color, type: dash, width: 1.5}, itemStyle: {color: color},
        tooltip: {show: false}
      };
    }
    var series = [{
      type: "scatter", id: "kovs", name: t.kov, itemStyle: {color: BLUE},
      data: spec.points.map(function (p) {
        var flagged = p.flag === "ABOVE" || p.flag === "BELOW";
        var here = data.highlight === p.kov;
        return {
          name: p.name, value: [p.n, p.value], kov: p.kov, low: p.low, high: p.high, flag: p.flag,
          symbol: here ? "diamond" : flagged ? "triangle" : "circle",
          symbolSize: here ? 16 : flagged ? 12 : 9,
          itemStyle: {color: here ? BLACK : flagged ? VERMILLION : BLUE},
          label: {show: here || flagged, position: "right", color: "#1a1a1a",
                  formatter: function () { return p.name; }}
        };
      })
    }];
    series.push(line(t.target, "target", [[from, spec.target], [to, spec.target]], GREY, "solid"));
    if (spec.sigma !== null && spec.sigma !== undefined) {
      series.push(line(t.l95, "upper95", curve(spec.z95), GREEN, "dashed"));
      series.push(line(t.l95, "lower95", curve(-spec.z95), GREEN, "dashed"));
      series.push(line(t.l998, "upper998", curve(spec.z998), ORANGE, "dotted"));
      series.push(line(t.l998, "lower998", curve(-spec.z998), ORANGE, "dotted"));
    }
    var chart = echarts.init(el, null, {renderer: "svg"});
    chart.setOption({
      animation: false,
      grid: {left: 70, right: 110, top: 36, bottom: 40},
      legend: {top: 0, data: [t.kov, t.target, t.l95, t.l998].filter(function (n, i) {
        return i < 2 || spec.sigma !== null; }), textStyle: {color: "#1a1a1a"}},
      tooltip: {
        trigger: "item", confine: true,
        formatter: function (p) {
          var d = p.data;
          var lines = [esc(d.name), "n = " + fmt("count", d.value[0]),
            esc(data.names[spec.measure]) + ": " + fmt(unit, d.value[1])];
          if (d.low !== null && d.high !== null) {
            lines.push(esc(t.interval) + ": " + fmt(unit, d.low) + " – " + fmt(unit, d.high));
          }
          if (d.flag && t.flags[d.flag]) {
            lines.push(esc(t.flag) + ": " + esc(t.flags[d.flag]));
          }
          return lines.join("<br>");
        }
      },
      xAxis: {type: "value", name: t.funnelX, nameLocation: "middle", nameGap: 26, min: 0,
              axisLabel: {color: "#1a1a1a"}},
      yAxis: {type: "value", scale: true, axisLabel: {color: "#1a1a1a", formatter: axisValue(unit)}},
      series: series
    });
  }

  function sortable(table) {
    var heads = table.querySelectorAll("thead th");
    heads.forEach(function (th, col) {
      var button = th.querySelector("button");
      if (!button) { return; }
      button.addEventListener("click", function () {
        var asc = th.getAttribute("aria-sort") !== "ascending";
        heads.forEach(function (h) { if (h.querySelector("button")) { h.setAttribute("aria-sort", "none"); } });
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[col], y = b.cells[col];
          var xs = x.getAttribute("data-sort"), ys = y.getAttribute("data-sort");
          if (xs !== null || ys !== null) {
            // a hidden or missing figure (empty data-sort) goes last either way
            if (!xs && !ys) { return 0; }
            if (!xs) { return 1; }
            if (!ys) { return -1; }
            var d = parseFloat(xs) - parseFloat(ys);
            return asc ? d : -d;
          }
          var c = x.textContent.trim().localeCompare(y.textContent.trim(), data.locale);
          return asc ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  }

  (data.trends || []).forEach(trend);
  (data.funnels || []).forEach(funnel);
  document.querySelectorAll("table.sortable").forEach(sortable);
})();
