// A time-series chart drawn on a canvas: no library. A line of tens of thousands of points is reduced to one
// min/max pair per pixel column before drawing (what the eye sees is the same), so 50,000 points draw in a few ms.
import {time, number} from './i18n.js';

const PAD = {left: 92, right: 12, top: 12, bottom: 28};

/**
 * Draws into canvas. series: {x: Float64Array|number[] (epoch ms, ascending), y: number[] (NaN for a gap)};
 * options: {markers: [{x, y}], bands: [{name, x, low, high, color}] (filled areas, NaN in low or high for a gap),
 * lines: [{name, x, y, color, dash}] (further lines on the same scale, e.g. a forecast; NaN for a gap),
 * shades: [{from, to, color}] (background spans, e.g. strike days), secondary: {x, y, color, unit} (a second line on
 * its own right-hand scale, e.g. temperature), name, color, unit}.
 * Returns what was drawn: {points (of the main line, gaps included), layers ({name: points with a value} for every
 * layer drawn, also on the canvas as data-layers, which the browser test reads), px, py (value to CSS pixel), xAt (CSS
 * pixel to value)}.
 */
export function drawChart(canvas, series, options = {}) {
  const ratio = window.devicePixelRatio || 1;
  const width = canvas.clientWidth || 900;
  const height = canvas.clientHeight || 320;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  const g = canvas.getContext('2d');
  g.setTransform(ratio, 0, 0, ratio, 0, 0);
  g.clearRect(0, 0, width, height);

  const {x, y} = series;
  const markers = options.markers ?? [];
  const bands = options.bands ?? [];
  const lines = options.lines ?? [];
  let xMin = Infinity, xMax = -Infinity, yMin = Infinity, yMax = -Infinity;
  const extend = (xv, yv) => {
    if (xv < xMin) xMin = xv;
    if (xv > xMax) xMax = xv;
    if (yv < yMin) yMin = yv;
    if (yv > yMax) yMax = yv;
  };
  for (let i = 0; i < x.length; i++) {
    if (!Number.isNaN(y[i])) extend(x[i], y[i]);
  }
  for (const m of markers) extend(m.x, m.y);
  for (const b of bands) {
    for (let i = 0; i < b.x.length; i++) {
      if (!Number.isNaN(b.low[i]) && !Number.isNaN(b.high[i])) {
        extend(b.x[i], b.low[i]);
        extend(b.x[i], b.high[i]);
      }
    }
  }
  for (const l of lines) {
    for (let i = 0; i < l.x.length; i++) {
      if (!Number.isNaN(l.y[i])) extend(l.x[i], l.y[i]);
    }
  }
  if (!Number.isFinite(xMin)) {
    canvas.dataset.layers = '{}';
    return {points: 0, layers: {}, px: () => NaN, py: () => NaN, xAt: () => NaN};
  }
  if (xMax === xMin) xMax = xMin + 1;
  if (yMax === yMin) yMax = yMin + 1;
  const margin = (yMax - yMin) * 0.05;
  yMin -= margin;
  yMax += margin;
  const plotW = width - PAD.left - PAD.right;
  const plotH = height - PAD.top - PAD.bottom;
  const px = (v) => PAD.left + (v - xMin) / (xMax - xMin) * plotW;
  const py = (v) => PAD.top + (1 - (v - yMin) / (yMax - yMin)) * plotH;

  for (const shade of options.shades ?? []) {
    const from = Math.max(px(shade.from), PAD.left);
    const to = Math.min(px(shade.to), width - PAD.right);
    if (to > from) {
      g.fillStyle = shade.color;
      g.fillRect(from, PAD.top, Math.max(to - from, 1), plotH);
    }
  }
  axes(g, width, height, xMin, xMax, yMin, yMax, px, py, options.unit ?? '');

  const layers = {};

  // One min/max pair per pixel column, drawn as a vertical stroke joined to the next column.
  g.strokeStyle = options.color ?? '#2563eb';
  g.lineWidth = 1;
  g.beginPath();
  let column = -1, lo = 0, hi = 0, pen = false, valued = 0;
  const flush = () => {
    if (column < 0) return;
    if (pen) g.lineTo(column, py(lo)); else g.moveTo(column, py(lo));
    g.lineTo(column, py(hi));
    pen = true;
  };
  for (let i = 0; i < x.length; i++) {
    const v = y[i];
    if (Number.isNaN(v)) {
      flush();
      column = -1;
      pen = false;
      continue;
    }
    valued++;
    const c = Math.round(px(x[i]));
    if (c !== column) {
      flush();
      column = c;
      lo = v;
      hi = v;
    } else {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  flush();
  g.stroke();

  layers[options.name ?? 'line'] = valued;

  // Bands over the line, translucent: a window of months draws the line as a solid min/max area that would hide them.
  for (const b of bands) {
    g.fillStyle = b.color ?? 'rgba(37, 99, 235, 0.15)';
    layers[b.name ?? 'band'] = fillBand(g, b, px, py);
  }

  for (const l of lines) {
    layers[l.name ?? 'line'] = strokeLine(g, l, px, py);
  }

  if (options.secondary) {
    layers[options.secondary.name ?? 'secondary'] = secondary(g, width, options.secondary, px, plotH);
  }

  g.fillStyle = '#dc2626';
  for (const m of markers) {
    g.beginPath();
    g.arc(px(m.x), py(m.y), 3.5, 0, 2 * Math.PI);
    g.fill();
  }
  if (markers.length) layers.markers = markers.length;
  canvas.dataset.layers = JSON.stringify(layers);
  return {points: x.length, layers, px, py, xAt: (pixel) => xMin + (pixel - PAD.left) / plotW * (xMax - xMin)};
}

/** A filled area between low and high, one polygon per run without a gap; returns the points filled. */
function fillBand(g, band, px, py) {
  let filled = 0;
  let first = 0;
  const close = (end) => {
    if (end - first < 2) return;
    g.beginPath();
    for (let i = first; i < end; i++) g.lineTo(px(band.x[i]), py(band.high[i]));
    for (let i = end - 1; i >= first; i--) g.lineTo(px(band.x[i]), py(band.low[i]));
    g.closePath();
    g.fill();
    filled += end - first;
  };
  for (let i = 0; i < band.x.length; i++) {
    if (Number.isNaN(band.low[i]) || Number.isNaN(band.high[i])) {
      close(i);
      first = i + 1;
    }
  }
  close(band.x.length);
  return filled;
}

/** A line of few points (a forecast's days), drawn as given; returns the points drawn. */
function strokeLine(g, line, px, py) {
  g.strokeStyle = line.color ?? '#1e3a8a';
  g.lineWidth = line.width ?? 2;
  g.setLineDash(line.dash ?? []);
  g.beginPath();
  let pen = false;
  let drawn = 0;
  for (let i = 0; i < line.x.length; i++) {
    if (Number.isNaN(line.y[i])) {
      pen = false;
      continue;
    }
    if (pen) g.lineTo(px(line.x[i]), py(line.y[i])); else g.moveTo(px(line.x[i]), py(line.y[i]));
    pen = true;
    drawn++;
  }
  g.stroke();
  g.setLineDash([]);
  g.lineWidth = 1;
  return drawn;
}

/** A thin line on its own scale, labelled on the right (temperature beside the consumption). */
function secondary(g, width, line, px, plotH) {
  let lo = Infinity, hi = -Infinity;
  for (const v of line.y) {
    if (!Number.isNaN(v)) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (!Number.isFinite(lo)) return 0;
  if (hi === lo) hi = lo + 1;
  const py = (v) => PAD.top + (1 - (v - lo) / (hi - lo)) * plotH;
  // One point per pixel column, the column's mean: a context line, not the detail of every reading.
  g.strokeStyle = line.color ?? '#d97706';
  g.lineWidth = 1;
  g.beginPath();
  let column = -1, sum = 0, count = 0, pen = false, drawn = 0;
  const flush = () => {
    if (count > 0) {
      if (pen) g.lineTo(column, py(sum / count)); else g.moveTo(column, py(sum / count));
      pen = true;
    }
  };
  for (let i = 0; i < line.x.length; i++) {
    const v = line.y[i];
    if (Number.isNaN(v)) continue;
    const c = Math.round(px(line.x[i]));
    if (c !== column) {
      flush();
      column = c;
      sum = 0;
      count = 0;
    }
    sum += v;
    count++;
    drawn++;
  }
  flush();
  g.stroke();
  g.fillStyle = line.color ?? '#d97706';
  g.textAlign = 'right';
  g.textBaseline = 'top';
  g.fillText(`${number(hi, 1)} ${line.unit ?? ''}`, width - PAD.right - 2, PAD.top + 2);
  g.textBaseline = 'bottom';
  g.fillText(`${number(lo, 1)} ${line.unit ?? ''}`, width - PAD.right - 2, PAD.top + plotH - 2);
  return drawn;
}

function axes(g, width, height, xMin, xMax, yMin, yMax, px, py, unit) {
  g.strokeStyle = '#d1d5db';
  g.fillStyle = '#4b5563';
  g.font = '11px system-ui, sans-serif';
  g.lineWidth = 1;
  g.textAlign = 'right';
  g.textBaseline = 'middle';
  for (let i = 0; i <= 4; i++) {
    const v = yMin + (yMax - yMin) * i / 4;
    const yy = Math.round(py(v)) + 0.5;
    g.beginPath();
    g.moveTo(PAD.left, yy);
    g.lineTo(width - PAD.right, yy);
    g.stroke();
    g.fillText(number(v) + (i === 4 && unit ? ' ' + unit : ''), PAD.left - 6, yy);
  }
  g.textAlign = 'center';
  g.textBaseline = 'top';
  for (let i = 0; i <= 4; i++) {
    const v = xMin + (xMax - xMin) * i / 4;
    g.fillText(time(v), Math.min(Math.max(px(v), PAD.left + 40), width - 50), height - PAD.bottom + 8);
  }
}
