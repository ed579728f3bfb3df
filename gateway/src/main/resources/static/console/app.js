// The operator console: plain ES modules, every call through the gateway with the pasted token (sessionStorage).
import {t, translate, setLanguage, language, time, number} from './i18n.js';
import {drawChart} from './chart.js';

const TOKEN_KEY = 'energywatch.token';
const FEED_MAX = 1000;
const PAGE_SIZE = 1000;
const PARALLEL_PAGES = 6;
const RECONNECT_MS = 2000;
const ALERTING = new Set(['HIGH', 'CRITICAL']);
const WINDOWS = [24, 168, 720, 8760, 26280];
const STRIKE_SHADE = 'rgba(234, 88, 12, 0.14)';
const HOLIDAY_SHADE = 'rgba(107, 114, 128, 0.12)';

// What the browser test reads: render timings and the feed's arrivals (epoch ms by anomaly id).
const probe = window.energywatchConsole = {timings: {}, arrivals: {}, feedConnected: false};

const state = {feed: [], feedAbort: null, page: null};

function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

class ApiError extends Error {
}

/** A call through the gateway; JSON answers parsed, problem+json turned into an error naming its detail. */
async function api(path, {method = 'GET', body, contentType, signal} = {}) {
  const headers = {Authorization: 'Bearer ' + token(), Accept: 'application/json'};
  if (contentType) {
    headers['Content-Type'] = contentType;
  }
  const response = await fetch(path, {method, body, headers, signal});
  if (response.status === 401) {
    signOut(t('signin.invalid'));
    throw new ApiError(t('signin.invalid'));
  }
  const type = response.headers.get('Content-Type') ?? '';
  const payload = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) {
    const detail = typeof payload === 'object' ? (payload.detail ?? payload.title) : payload;
    throw new ApiError(`${response.status} ${detail ?? ''}`.trim());
  }
  return payload;
}

/** A DOM element: attributes (on* are listeners), then children (strings become text, never HTML). */
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child !== null && child !== undefined && child !== false) {
      node.append(child instanceof Node ? child : String(child));
    }
  }
  return node;
}

function table(columns, rows, rowAttributes = () => ({})) {
  return el('table', {},
      el('thead', {}, el('tr', {}, columns.map(c => el('th', {}, t(c.label))))),
      el('tbody', {}, rows.map(r => el('tr', rowAttributes(r), columns.map(c => el('td', {}, c.value(r)))))));
}

function failure(error) {
  return el('p', {class: 'error', role: 'alert'}, t('error') + ': ' + error.message);
}

function severityBadge(severity) {
  return el('span', {class: 'badge ' + String(severity).toLowerCase()}, severity);
}

// ---- sign-in and the live feed ----

function signIn(value) {
  sessionStorage.setItem(TOKEN_KEY, value.trim());
  startFeed();
  location.hash = '#/';
  render();
}

function signOut(message) {
  sessionStorage.removeItem(TOKEN_KEY);
  state.feedAbort?.abort();
  state.feedAbort = null;
  state.feed = [];
  setLive(false);
  renderSignIn(message);
}

function setLive(on) {
  probe.feedConnected = on;
  const live = document.getElementById('live');
  live.classList.toggle('off', !on);
  live.dataset.i18n = on ? 'live.on' : 'live.off';
  live.textContent = t(live.dataset.i18n);
}

/** Server-Sent Events read with fetch (EventSource cannot send the Authorization header); reconnects on loss. */
async function startFeed() {
  state.feedAbort?.abort();
  const abort = new AbortController();
  state.feedAbort = abort;
  while (!abort.signal.aborted && token()) {
    try {
      const response = await fetch('/api/v1/feed/anomalies',
          {headers: {Authorization: 'Bearer ' + token(), Accept: 'text/event-stream'}, signal: abort.signal});
      if (response.status === 401) {
        signOut(t('signin.invalid'));
        return;
      }
      if (!response.ok) {
        throw new Error('feed ' + response.status);
      }
      setLive(true);
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const {value, done} = await reader.read();
        if (done) break;
        buffer += value;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          dispatch(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
    } catch (error) {
      if (abort.signal.aborted) return;
    }
    setLive(false);
    await new Promise(resolve => setTimeout(resolve, RECONNECT_MS));
  }
}

function dispatch(block) {
  let name = 'message';
  const data = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('event:')) name = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
  }
  if (name === 'anomaly' && data.length) {
    onAnomaly(JSON.parse(data.join('\n')));
  }
}

function onAnomaly(anomaly) {
  probe.arrivals[anomaly.anomalyId] = Date.now();
  const item = {...anomaly, status: anomaly.status ?? 'OPEN'};
  const known = state.feed.findIndex(a => a.anomalyId === item.anomalyId);
  if (known >= 0) state.feed.splice(known, 1);
  state.feed.unshift(item);
  if (state.feed.length > FEED_MAX) state.feed.length = FEED_MAX;
  const body = document.querySelector('#feed tbody');
  if (body) {
    body.querySelector(`tr[data-id="${CSS.escape(item.anomalyId)}"]`)?.remove();
    body.prepend(feedRow(item));
    while (body.rows.length > FEED_MAX) body.lastElementChild.remove();
    document.getElementById('feed-count').textContent = number(body.rows.length);
  }
  if (ALERTING.has(item.severity)) {
    const banner = document.getElementById('banner');
    banner.replaceChildren(el('a', {href: '#/anomaly/' + encodeURIComponent(item.anomalyId)},
        t('banner.alert', {severity: item.severity, series: item.seriesId})),
        el('button', {type: 'button', class: 'close', onclick: () => { banner.hidden = true; }}, '×'));
    banner.className = 'banner ' + item.severity.toLowerCase();
    banner.hidden = false;
  }
}

const FEED_COLUMNS = [
  {label: 'col.time', value: a => time(a.intervalStart)},
  {label: 'col.series', value: a => el('a', {href: '#/anomaly/' + encodeURIComponent(a.anomalyId)}, a.seriesId)},
  {label: 'col.severity', value: a => severityBadge(a.severity)},
  {label: 'col.type', value: a => a.type},
  {label: 'col.score', value: a => number(a.score, 2)},
  {label: 'col.observed', value: a => number(a.observedMw, 1)},
  {label: 'col.expected', value: a => number(a.expectedMw, 1)},
  {label: 'col.status', value: a => a.status},
];

function feedRow(a) {
  return el('tr', {dataset: {id: a.anomalyId, severity: a.severity}},
      FEED_COLUMNS.map(c => el('td', {}, c.value(a))));
}

// ---- pages ----

function renderSignIn(message) {
  state.page = 'signin';
  const input = el('textarea', {id: 'token', rows: 4, required: true, placeholder: 'eyJ…'});
  page(el('section', {class: 'card signin'},
      el('h1', {}, t('signin.title')),
      el('p', {}, t('signin.help')),
      message ? el('p', {class: 'error', role: 'alert'}, message) : null,
      el('form', {onsubmit: e => { e.preventDefault(); signIn(input.value); }},
          el('label', {for: 'token'}, t('signin.token')), input,
          el('button', {type: 'submit', id: 'signin'}, t('signin.submit')))));
}

function page(...children) {
  document.getElementById('page').replaceChildren(...children);
}

async function overview() {
  const started = performance.now();
  const kpi = el('section', {id: 'kpi', class: 'cards'});
  const stats = el('section', {id: 'stats', class: 'card'}, el('h2', {}, t('stats.title')));
  const feed = el('section', {id: 'feed', class: 'card'},
      el('h2', {}, t('feed.title'), ' ', el('small', {}, el('span', {id: 'feed-count'}, '0'), ' ', t('feed.count'))));
  page(el('h1', {}, t('kpi.title')), kpi, stats, feed);
  await Promise.all([
    loadKpi(kpi),
    loadStats(stats),
    loadFeed(feed, started),
  ]);
}

function card(label, value, detail, id) {
  return el('div', {class: 'card kpi', id}, el('div', {class: 'label'}, label), el('div', {class: 'value'}, value),
      detail ? el('div', {class: 'detail'}, detail) : null);
}

async function loadKpi(section) {
  const [kpi, carbon] = await Promise.allSettled([api('/api/v1/kpi'), api('/api/v1/carbon/report')]);
  if (kpi.status === 'rejected') {
    section.replaceChildren(failure(kpi.reason));
    return;
  }
  const k = kpi.value;
  const section_ = (s, show) => s?.status === 'available' ? show(s.data) : t('kpi.unavailable');
  const cards = [
    card(t('kpi.consumption'), section_(k.consumption, d => number(
        (d.byCarrier ?? []).reduce((sum, c) => sum + (c.energyMwh ?? 0), 0)) + ' MWh'),
        k.consumption?.data ? `${k.consumption.data.from ?? ''} → ${k.consumption.data.to ?? ''}` : null,
        'kpi-consumption'),
    card(t('kpi.anomalies'), section_(k.anomalies, d => number(d.byStatus?.OPEN ?? 0)),
        k.anomalies?.data ? Object.entries(k.anomalies.data.bySeverity ?? {}).map(([s, n]) => `${s} ${n}`).join(' · ')
            : null, 'kpi-anomalies'),
    card(t('kpi.forecast'), section_(k.forecastAccuracy, d => number(d.mapePercent, 1) + ' %'), null, 'kpi-forecast'),
    card(t('kpi.drift'), section_(k.drift, d => d.status ?? '–'), null, 'kpi-drift'),
  ];
  if (carbon.status === 'fulfilled' && carbon.value?.totals) {
    const c = carbon.value.totals;
    cards.push(card(t('kpi.carbon'), number(c.co2Grams, 1) + ' g CO₂e',
        `${number(c.runs)} runs · ${number(c.energyKwh, 3)} kWh`, 'kpi-carbon'));
  }
  section.replaceChildren(...cards);
}

async function loadStats(section) {
  try {
    const stats = await api('/api/v1/anomalies/stats');
    const precision = (stats.precision ?? [])[0];
    section.replaceChildren(el('h2', {}, t('stats.title')),
        el('dl', {class: 'stats'},
            el('dt', {}, t('stats.total')), el('dd', {id: 'stats-total'}, number(stats.total)),
            Object.entries(stats.byStatus ?? {}).map(([status, count]) => [
              el('dt', {}, status), el('dd', {dataset: {status}}, number(count))]),
            precision ? [el('dt', {}, t('stats.precision')),
              el('dd', {id: 'stats-precision'}, number(precision.precision * 100, 1) + ' %')] : null));
  } catch (error) {
    section.append(failure(error));
  }
}

async function loadFeed(section, started) {
  try {
    const listed = await api('/api/v1/anomalies?latest=' + FEED_MAX);
    const live = new Set(state.feed.map(a => a.anomalyId));
    for (const a of listed.content ?? []) {
      if (!live.has(a.anomalyId) && state.feed.length < FEED_MAX) state.feed.push(a);
    }
    const drawStart = performance.now();
    const body = el('tbody', {});
    const fragment = document.createDocumentFragment();
    for (const a of state.feed) fragment.append(feedRow(a));
    body.append(fragment);
    section.append(el('table', {}, el('thead', {}, el('tr', {}, FEED_COLUMNS.map(c => el('th', {}, t(c.label))))),
        body));
    document.getElementById('feed-count').textContent = number(body.rows.length);
    await nextFrame();
    probe.timings.feed = {rows: body.rows.length, renderMs: performance.now() - drawStart,
      totalMs: performance.now() - started, firstRenderMs: performance.now()};
  } catch (error) {
    section.append(failure(error));
  }
}

function nextFrame() {
  return new Promise(resolve => requestAnimationFrame(() => resolve()));
}

/** Every record of a paged list: the first page tells the total, the rest come a few at a time. */
async function allPages(path) {
  const separator = path.includes('?') ? '&' : '?';
  const first = await api(`${path}${separator}size=${PAGE_SIZE}&page=0`);
  const pages = Math.ceil((first.totalElements ?? 0) / PAGE_SIZE);
  const results = [first.content ?? []];
  let next = 1;
  const worker = async () => {
    while (next < pages) {
      const index = next++;
      results[index] = (await api(`${path}${separator}size=${PAGE_SIZE}&page=${index}`)).content ?? [];
    }
  };
  await Promise.all(Array.from({length: PARALLEL_PAGES}, worker));
  return results.flat();
}

function query() {
  const hash = location.hash;
  const at = hash.indexOf('?');
  return new URLSearchParams(at < 0 ? '' : hash.slice(at + 1));
}

async function seriesPage() {
  const params = query();
  const select = el('select', {id: 'series-select'});
  const windowSelect = el('select', {id: 'series-window'},
      WINDOWS.map(h => el('option', {value: h, selected: String(h) === (params.get('hours') ?? '168')},
          h < 720 ? `${h / 24} d` : `${Math.round(h / 24)} d`)));
  const canvas = el('canvas', {id: 'series-chart', class: 'chart'});
  const summary = el('p', {id: 'series-summary'});
  page(el('h1', {}, t('series.title')),
      el('form', {class: 'toolbar', onsubmit: e => {
        e.preventDefault();
        location.hash = `#/series?id=${encodeURIComponent(select.value)}&hours=${windowSelect.value}`;
      }},
      el('label', {}, t('series.pick'), ' ', select), el('label', {}, t('series.window'), ' ', windowSelect),
      el('button', {type: 'submit'}, t('series.load'))),
      el('section', {class: 'card'}, summary, canvas));
  try {
    // A series named in the address is fetched at once, beside the catalogue (one round trip less).
    const named = params.get('id');
    const hours = Number(windowSelect.value);
    const started = performance.now();
    const reading = named ? readSeries(named, hours) : null;
    reading?.catch(() => {});  // awaited below; this only keeps an early failure from being reported twice
    const catalogue = await api('/api/v1/series?size=200');
    const ids = (catalogue.content ?? []).map(s => s.id);
    const chosen = named ?? ids[0];
    if (chosen && !ids.includes(chosen)) ids.unshift(chosen);
    select.replaceChildren(...ids.map(id => el('option', {value: id, selected: id === chosen}, id)));
    if (!chosen) {
      summary.textContent = t('series.none');
      return;
    }
    const [read, anomalies] = await (reading ?? readSeries(chosen, hours));
    const fetched = performance.now();
    const {x, y, temperature, shades, strikeRecords, records} = read.view ? viewLines(read.view)
      : recordLines(read.records);
    const markers = (anomalies.content ?? []).filter(a => a.observedMw != null)
        .map(a => ({x: Date.parse(a.intervalStart), y: a.observedMw}));
    const drawn = drawChart(canvas, {x, y}, {markers, shades, unit: 'MW',
      secondary: temperature.some(v => !Number.isNaN(v)) ? {x, y: temperature, unit: '°C'} : null});
    // The records the line stands for: drawn one by one, or as the view's min/max pairs.
    const points = read.view ? records : drawn;
    canvas.dataset.points = points;
    canvas.dataset.buckets = read.view ? read.view.buckets.length : 0;
    canvas.dataset.markers = markers.length;
    canvas.dataset.strikeRecords = strikeRecords;
    summary.replaceChildren(`${chosen}: ${number(points)} ${t('series.points')}, ${number(markers.length)} `
        + t('series.anomalies') + ' · ', el('span', {class: 'key strike'}, t('series.strike')), ' ',
    el('span', {class: 'key holiday'}, t('series.holiday')), ' ', el('span', {class: 'key temperature'},
        t('series.temperature')));
    await nextFrame();
    probe.timings.series = {points, buckets: Number(canvas.dataset.buckets), markers: markers.length,
      fetchMs: fetched - started,
      drawMs: performance.now() - fetched, totalMs: performance.now() - started, firstRenderMs: performance.now()};
  } catch (error) {
    summary.replaceChildren(failure(error));
  }
}

/** Above this many records the chart reads the fusion's downsampled view (one request) instead of the pages. */
const VIEW_ABOVE = 4000;
/** Buckets asked of the view: about two per pixel column of the widest chart. */
const VIEW_POINTS = 2000;

/** The records a window of hours holds, from the step the series id ends with (PT30M, PT1H, P1D). */
function expectedRecords(id, hours) {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(id.split(':').pop() ?? '');
  const stepHours = m ? Number(m[1] ?? 0) * 24 + Number(m[2] ?? 0) + Number(m[3] ?? 0) / 60 : 0;
  return stepHours > 0 ? hours / stepHours : Infinity;
}

function readSeries(id, hours) {
  const series = encodeURIComponent(id);
  const line = expectedRecords(id, hours) > VIEW_ABOVE
    ? api(`/api/v1/enriched/view?series=${series}&hours=${hours}&points=${VIEW_POINTS}`).then(view => ({view}))
    : allPages(`/api/v1/enriched?series=${series}&hours=${hours}`).then(records => ({records}));
  return Promise.all([line, api(`/api/v1/anomalies?series=${series}&hours=${hours}&size=${PAGE_SIZE}`)]);
}

/** Strike days and public holidays shade the background: spans joined while the same colour continues. */
function addShade(shades, from, to, color) {
  const last = shades[shades.length - 1];
  if (last && last.color === color && last.to >= from) last.to = Math.max(last.to, to);
  else shades.push({from, to, color});
}

/** The chart's lines from the records themselves. */
function recordLines(records) {
  records.sort((a, b) => a.intervalStart < b.intervalStart ? -1 : 1);
  const x = new Float64Array(records.length);
  const y = new Float64Array(records.length);
  const temperature = new Float64Array(records.length);
  const shades = [];
  records.forEach((r, i) => {
    x[i] = Date.parse(r.intervalStart);
    y[i] = r.valueMissing ? NaN : (r.powerMw ?? r.value ?? NaN);
    temperature[i] = r.tempMeanC ?? NaN;
    const color = r.strike ? STRIKE_SHADE : r.publicHoliday ? HOLIDAY_SHADE : null;
    if (color) addShade(shades, x[i], Date.parse(r.intervalEnd ?? r.intervalStart), color);
  });
  return {x, y, temperature, shades, strikeRecords: records.filter(r => r.strike).length, records: records.length};
}

/**
 * The chart's lines from the view's buckets: each bucket's min then max at its start, which the chart's own
 * min/max per pixel column draws as the records would be; the temperature at each bucket's mean.
 */
function viewLines(view) {
  const buckets = view.buckets ?? [];
  const x = new Float64Array(buckets.length * 2);
  const y = new Float64Array(buckets.length * 2);
  const temperature = new Float64Array(buckets.length * 2);
  const shades = [];
  buckets.forEach((b, i) => {
    const start = Date.parse(b.start);
    x[2 * i] = start;
    x[2 * i + 1] = start;
    y[2 * i] = b.powerMwMin ?? NaN;
    y[2 * i + 1] = b.powerMwMax ?? NaN;
    temperature[2 * i] = b.tempMeanC ?? NaN;
    temperature[2 * i + 1] = b.tempMeanC ?? NaN;
    const color = b.strikeRecords > 0 ? STRIKE_SHADE : b.holidayRecords > 0 ? HOLIDAY_SHADE : null;
    if (color) addShade(shades, start, Date.parse(b.end), color);
  });
  return {x, y, temperature, shades, strikeRecords: buckets.reduce((n, b) => n + (b.strikeRecords ?? 0), 0),
    records: view.records ?? 0};
}

async function anomalyPage(id) {
  const section = el('section', {class: 'card', id: 'anomaly'});
  page(el('h1', {}, t('anomaly.title')), section);
  let a;
  try {
    a = await api('/api/v1/anomalies/' + encodeURIComponent(id));
  } catch (error) {
    section.replaceChildren(failure(error));
    return;
  }
  const message = el('p', {id: 'anomaly-message', role: 'status'});
  const act = (path, body, status) => async () => {
    try {
      await api(`/api/v1/anomalies/${encodeURIComponent(id)}/${path}`, {method: 'POST',
        body: body && JSON.stringify(body), contentType: body ? 'application/json' : undefined});
      message.textContent = t('anomaly.done', {status});
      document.getElementById('anomaly-status').textContent = status;
      const listed = state.feed.find(item => item.anomalyId === id);
      if (listed) listed.status = status;
    } catch (error) {
      message.replaceChildren(failure(error));
    }
  };
  const history = el('canvas', {id: 'anomaly-chart', class: 'chart'});
  section.replaceChildren(
      el('h2', {}, a.seriesId, ' ', severityBadge(a.severity), ' ', a.type),
      el('dl', {class: 'facts'},
          el('dt', {}, t('col.time')), el('dd', {}, `${time(a.intervalStart)} → ${time(a.intervalEnd)}`),
          el('dt', {}, t('col.status')), el('dd', {id: 'anomaly-status'}, a.status),
          el('dt', {}, t('col.observed')), el('dd', {}, number(a.observedMw, 1)),
          el('dt', {}, t('anomaly.expected')),
          el('dd', {}, `${number(a.expectedMw, 1)} (${number(a.expectedLowMw, 1)} – ${number(a.expectedHighMw, 1)}) MW`),
          el('dt', {}, t('col.score')), el('dd', {}, number(a.score, 3)),
          el('dt', {}, t('anomaly.cost')), el('dd', {}, a.costImpactEur == null ? '–' : number(a.costImpactEur) + ' €'),
          el('dt', {}, t('col.model')), el('dd', {}, `${a.modelId} ${a.modelVersion}`),
          el('dt', {}, t('anomaly.recommendation')), el('dd', {id: 'anomaly-recommendation'}, a.recommendation)),
      el('div', {class: 'actions'},
          el('button', {type: 'button', id: 'ack', onclick: act('acknowledgement', null, 'ACKNOWLEDGED')},
              t('anomaly.ack')),
          el('button', {type: 'button', id: 'confirm', onclick: act('feedback', {verdict: 'CONFIRMED'}, 'CONFIRMED')},
              t('anomaly.confirm')),
          el('button', {type: 'button', id: 'false-positive',
            onclick: act('feedback', {verdict: 'FALSE_POSITIVE'}, 'FALSE_POSITIVE')}, t('anomaly.fp'))),
      message,
      el('h3', {}, t('anomaly.contributions')),
      table([{label: 'col.feature', value: c => c.feature}, {label: 'col.value', value: c => number(c.value, 2)},
        {label: 'col.contribution', value: c => el('span', {class: 'bar'},
            el('meter', {min: 0, max: 1, value: Math.abs(c.contribution)}), ' ', number(c.contribution, 3))}],
      a.contributions ?? []),
      el('h3', {}, t('anomaly.history')), history);
  try {
    const start = Date.parse(a.intervalStart);
    const from = new Date(start - 3 * 86400000).toISOString();
    const to = new Date(Date.parse(a.intervalEnd) + 86400000).toISOString();
    const records = (await api(`/api/v1/enriched?series=${encodeURIComponent(a.seriesId)}&from=${from}&to=${to}`
        + `&size=${PAGE_SIZE}`)).content ?? [];
    drawChart(history, {x: records.map(r => Date.parse(r.intervalStart)), y: records.map(r => r.powerMw ?? NaN)},
        {markers: a.observedMw == null ? [] : [{x: start, y: a.observedMw}],
          bands: [{x: [start, Date.parse(a.intervalEnd)], low: [a.expectedLowMw, a.expectedLowMw],
            high: [a.expectedHighMw, a.expectedHighMw], color: 'rgba(22, 163, 74, 0.25)'}], unit: 'MW'});
  } catch (error) {
    history.replaceWith(failure(error));
  }
}

function uploadPage() {
  const csv = el('input', {type: 'file', id: 'detect-file', accept: '.csv,text/csv', required: true});
  const result = el('p', {id: 'detect-result', role: 'status'});
  const canvas = el('canvas', {id: 'detect-chart', class: 'chart'});
  const anomalies = el('div', {id: 'detect-anomalies'});
  const file = el('input', {type: 'file', id: 'ingest-file', required: true});
  const kind = el('select', {id: 'ingest-kind'},
      ['consumption', 'weather', 'social-movements', 'weather-forecast'].map(k => el('option', {value: k}, k)));
  const progress = el('progress', {id: 'ingest-progress', max: 100, value: 0});
  const job = el('p', {id: 'ingest-job', role: 'status'});
  page(el('h1', {}, t('nav.upload')),
      el('section', {class: 'card'}, el('h2', {}, t('upload.detect')),
          el('form', {onsubmit: e => { e.preventDefault(); detect(csv.files[0], result, canvas, anomalies); }},
              csv, el('button', {type: 'submit', id: 'detect-submit'}, t('upload.detectSubmit'))),
          result, canvas, anomalies),
      el('section', {class: 'card'}, el('h2', {}, t('upload.ingest')),
          el('form', {onsubmit: e => { e.preventDefault(); ingest(file.files[0], kind.value, progress, job); }},
              el('label', {}, t('upload.kind'), ' ', kind), file,
              el('button', {type: 'submit', id: 'ingest-submit'}, t('upload.ingestSubmit'))),
          progress, job));
}

async function detect(file, result, canvas, list) {
  try {
    const report = await api('/api/v1/anomalies/detect', {method: 'POST', body: await file.text(),
      contentType: 'text/csv'});
    const rows = report.content ?? [];
    const found = rows.filter(r => r.is_anomaly);
    result.textContent = t('upload.found', {anomalies: number(report.anomalies), rows: number(report.rows)});
    result.dataset.anomalies = report.anomalies;
    drawChart(canvas, {x: rows.map(r => Date.parse(r.timestamp)), y: rows.map(r => r.value ?? NaN)},
        {markers: found.map(r => ({x: Date.parse(r.timestamp), y: r.value}))});
    list.replaceChildren(table([
      {label: 'col.time', value: r => time(r.timestamp)}, {label: 'col.value', value: r => number(r.value, 1)},
      {label: 'col.expected', value: r => number(r.expected, 1)},
      {label: 'col.severity', value: r => severityBadge(r.severity)}, {label: 'col.type', value: r => r.type},
      {label: 'col.score', value: r => number(r.anomaly_score, 2)},
      {label: 'anomaly.recommendation', value: r => r.explanation?.recommendation ?? ''}], found.slice(0, 200)));
  } catch (error) {
    result.replaceChildren(failure(error));
  }
}

async function ingest(file, kind, progress, line) {
  const done = new Set(['SUCCEEDED', 'FAILED']);
  try {
    let job = await api(`/api/v1/ingestions?kind=${encodeURIComponent(kind)}&filename=${encodeURIComponent(file.name)}`,
        {method: 'POST', body: file, contentType: 'application/octet-stream'});
    // The job's progress: its status read once a second until it ends (a job is not an event stream).
    for (;;) {
      progress.value = job.progressPercent ?? 0;
      line.textContent = t('upload.job', {id: job.id, status: job.status, percent: number(job.progressPercent ?? 0)});
      line.dataset.status = job.status;
      if (done.has(job.status)) {
        if (job.error) line.append(' — ', job.error);
        return;
      }
      await new Promise(resolve => setTimeout(resolve, 1000));
      job = await api('/api/v1/ingestions/' + encodeURIComponent(job.id));
    }
  } catch (error) {
    line.replaceChildren(failure(error));
  }
}

async function driftPage() {
  const section = el('section', {id: 'drift'});
  page(el('h1', {}, t('drift.title')), section);
  try {
    const reports = (await api('/api/v1/drift/reports?size=20')).content ?? [];
    if (!reports.length) {
      section.append(el('p', {}, t('drift.none')));
    }
    for (const r of reports) {
      section.append(el('article', {class: 'card'},
          el('h2', {}, `${r.modelId} ${r.modelVersion ?? ''} `, el('span', {class: 'badge ' + String(r.overallStatus)
              .toLowerCase()}, r.overallStatus)),
          el('p', {}, `${time(r.createdAt)} · ${r.scope ?? ''} · ${r.trigger ?? ''}`),
          el('h3', {}, t('drift.actions')),
          table([{label: 'col.action', value: a => a.action}, {label: 'col.target', value: a => a.target},
            {label: 'col.reason', value: a => a.reason}], r.recommendedActions ?? [])));
    }
  } catch (error) {
    section.append(failure(error));
  }
}

async function forecastsPage() {
  const params = query();
  const series = el('input', {id: 'forecast-series', value: params.get('series') ?? '', required: true, size: 36});
  const horizon = el('input', {id: 'forecast-horizon', type: 'number', min: 1, max: 14,
    value: params.get('horizon') ?? 1});
  const issued = el('section', {class: 'card', id: 'forecast-issued'});
  const accuracy = el('section', {class: 'card', id: 'forecast-accuracy'});
  page(el('h1', {}, t('forecasts.title')),
      el('form', {class: 'toolbar', onsubmit: e => {
        e.preventDefault();
        location.hash = `#/forecasts?series=${encodeURIComponent(series.value)}&horizon=${horizon.value}`;
      }}, el('label', {}, t('series.pick'), ' ', series), el('label', {}, t('forecasts.horizon'), ' ', horizon),
      el('button', {type: 'submit'}, t('series.load'))),
      issued, accuracy);
  if (!series.value) {
    return;
  }
  const id = encodeURIComponent(series.value);
  const [forecast, scores] = await Promise.allSettled([
    api(`/api/v1/forecasts/issued/latest?series=${id}&horizon=${horizon.value}`),
    api(`/api/v1/forecasts/accuracy?series=${id}`)]);
  issued.append(el('h2', {}, t('forecasts.issued')));
  if (forecast.status === 'fulfilled') {
    const f = forecast.value;
    const steps = f.steps ?? [];
    const x = steps.map(s => Date.parse(s.date));
    const canvas = el('canvas', {id: 'forecast-chart', class: 'chart'});
    issued.append(el('p', {}, `${f.algorithm} ${f.modelVersion ?? ''} · ${time(f.issuedAt)}`), canvas,
        table([{label: 'col.day', value: s => s.date}, {label: 'col.energy', value: s => number(s.energyMwh)},
          {label: 'col.band80', value: s => `${number(s.lower80Mwh)} – ${number(s.upper80Mwh)}`},
          {label: 'col.band95', value: s => `${number(s.lower95Mwh)} – ${number(s.upper95Mwh)}`}], steps));
    drawChart(canvas, {x, y: steps.map(s => s.energyMwh)}, {unit: 'MWh', bands: [
      {x, low: steps.map(s => s.lower95Mwh), high: steps.map(s => s.upper95Mwh), color: 'rgba(37, 99, 235, 0.12)'},
      {x, low: steps.map(s => s.lower80Mwh), high: steps.map(s => s.upper80Mwh), color: 'rgba(37, 99, 235, 0.25)'}]});
  } else {
    issued.append(el('p', {}, t('forecasts.none')), failure(forecast.reason));
  }
  accuracy.append(el('h2', {}, t('forecasts.accuracy')));
  if (scores.status === 'fulfilled') {
    accuracy.append(table([{label: 'col.model', value: g => g.algorithm},
      {label: 'col.horizon', value: g => g.horizonDays}, {label: 'col.count', value: g => number(g.count)},
      {label: 'col.mape', value: g => number(g.mapePercent, 2)}, {label: 'col.mae', value: g => number(g.maeMwh)},
      {label: 'col.coverage95', value: g => number(g.coverage95Percent, 1)}], scores.value.groups ?? []));
  } else {
    accuracy.append(failure(scores.reason));
  }
}

// ---- routing ----

function render() {
  translate();
  document.getElementById('lang').textContent = language() === 'fr' ? 'EN' : 'FR';
  if (!token()) {
    renderSignIn();
    return;
  }
  const path = location.hash.replace(/^#/, '').split('?')[0] || '/';
  state.page = path;
  for (const link of document.querySelectorAll('#nav a')) {
    link.classList.toggle('active', link.getAttribute('href') === '#' + path);
  }
  if (path.startsWith('/anomaly/')) anomalyPage(decodeURIComponent(path.slice('/anomaly/'.length)));
  else if (path === '/series') seriesPage();
  else if (path === '/upload') uploadPage();
  else if (path === '/drift') driftPage();
  else if (path === '/forecasts') forecastsPage();
  else overview();
}

document.getElementById('lang').addEventListener('click', () => {
  setLanguage(language() === 'fr' ? 'en' : 'fr');
  render();
});
document.getElementById('signout').addEventListener('click', () => signOut());
window.addEventListener('hashchange', render);
setLanguage(language());
if (token()) {
  startFeed();
}
render();
