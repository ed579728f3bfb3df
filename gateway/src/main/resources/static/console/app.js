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
/** Region names by INSEE code (shared/DESIGN.md), FR the nation: the consumption page names each series' region. */
const REGIONS = {FR: 'France', 11: 'Île-de-France', 24: 'Centre-Val de Loire', 27: 'Bourgogne-Franche-Comté',
  28: 'Normandie', 32: 'Hauts-de-France', 44: 'Grand Est', 52: 'Pays de la Loire', 53: 'Bretagne',
  75: 'Nouvelle-Aquitaine', 76: 'Occitanie', 84: 'Auvergne-Rhône-Alpes', 93: 'Provence-Alpes-Côte d\u2019Azur',
  94: 'Corse'};
/** The issuance's horizons (prediction-service issuance.horizons-days). */
const HORIZONS = [1, 7, 30];
// The forecast in violet, apart from the measured line's blue.
const FORECAST_COLOR = '#6d28d9';
const BAND80 = 'rgba(124, 58, 237, 0.30)';
const BAND95 = 'rgba(124, 58, 237, 0.14)';

// What the browser test reads: render timings, the feed's arrivals (epoch ms by anomaly id) and, per chart id, its
// scales (value to CSS pixel) and the forecast days it drew.
const probe = window.energywatchConsole = {timings: {}, arrivals: {}, feedConnected: false, charts: {}};

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
  let response = await fetch(path, {method, body, headers, signal});
  // A read the gateway's rate limit refused is retried after the Retry-After it names, backing off with jitter so the
  // page's parallel reads do not all come back in the same second (4 retries at most): a page that loads many pages
  // at once should not show a throttled panel as failed. Writes are never repeated.
  for (let retry = 0; response.status === 429 && method === 'GET' && retry < 4; retry++) {
    const seconds = Math.min(Number(response.headers.get('Retry-After')) || 1, 10);
    await new Promise(resolve => setTimeout(resolve, seconds * 1000 * (retry + 1 + Math.random())));
    response = await fetch(path, {method, body, headers, signal});
  }
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
  // The feed's list is asked first: the browser has six connections to the gateway, one held by the live stream, and
  // the key figures take a dozen requests.
  await Promise.all([
    loadFeed(feed, started),
    loadStats(stats),
    loadKpi(kpi),
  ]);
}

function card(label, value, detail, id) {
  return el('div', {class: 'card kpi', id}, el('div', {class: 'label'}, label), el('div', {class: 'value'}, value),
      detail ? el('div', {class: 'detail'}, detail) : null);
}

async function loadKpi(section) {
  const [kpi, carbon, open] = await Promise.allSettled([api('/api/v1/kpi'), api('/api/v1/carbon/report'),
    openBySeverity()]);
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
    card(t('kpi.anomalies'), open.status === 'fulfilled' ? number(open.value.total)
      : section_(k.anomalies, d => number(d.byStatus?.OPEN ?? 0)),
    open.status === 'fulfilled' ? open.value.bySeverity.map(([severity, n]) =>
      el('span', {class: 'severity-count', dataset: {severity}}, severityBadge(severity), ' ', number(n)))
      : failure(open.reason), 'kpi-anomalies'),
    card(t('kpi.forecast'), section_(k.forecastAccuracy, d => number(d.mapePercent, 1) + ' %'), null, 'kpi-forecast'),
    card(t('kpi.drift'), section_(k.drift, d => d.status ?? '–'), null, 'kpi-drift'),
  ];
  if (carbon.status === 'fulfilled' && carbon.value?.totals) {
    const c = carbon.value.totals;
    cards.push(card(t('kpi.carbon'), number(c.co2Grams, 1) + ' g CO₂e',
        `${number(c.runs)} runs · ${number(c.energyKwh, 3)} kWh`, 'kpi-carbon'));
  }
  const today = card(t('kpi.today'), '…', null, 'kpi-today');
  cards.splice(1, 0, today);
  section.replaceChildren(...cards);
  const series = todaySeries(k.consumption?.data);
  if (series) {
    await todayVersusForecast(today, series);
  } else {
    today.querySelector('.value').textContent = t('kpi.unavailable');
  }
}

const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'];

/** Open anomalies per severity: one counted page of one record each (the statistics count all statuses). */
async function openBySeverity() {
  const counts = await Promise.all(SEVERITIES.map(severity =>
    api(`/api/v1/anomalies?status=OPEN&severity=${severity}&size=1`).then(p => p.totalElements ?? 0)));
  return {total: counts.reduce((a, b) => a + b, 0), bySeverity: SEVERITIES.map((s, i) => [s, counts[i]])};
}

/** The series "today" is read from: the national electricity series of the KPI's consumption, else its first. */
function todaySeries(consumption) {
  const regions = consumption?.byRegion ?? [];
  return (regions.find(r => r.region === 'FR' && r.carrier === 'electricity') ?? regions[0])?.seriesId;
}

/**
 * Today's consumption beside its day-ahead forecast: "today" is the series' last complete day (the last base day the
 * forecasts were issued from: the data may be older than the clock), with the next day's forecast and its 80 % band.
 */
async function todayVersusForecast(cardNode, series) {
  const value = cardNode.querySelector('.value');
  try {
    const days = (await api(`/api/v1/forecasts/issued/days?series=${encodeURIComponent(series)}&horizon=1&hours=24`))
        .days ?? [];
    const scored = days.filter(d => d.actualMwh != null).at(-1);
    const next = days.filter(d => d.actualMwh == null).at(0);
    value.textContent = scored ? number(scored.actualMwh) + ' MWh' : '–';
    const detail = el('div', {class: 'detail', id: 'kpi-today-detail'}, series);
    if (scored) {
      const deviation = (scored.actualMwh - scored.energyMwh) / scored.energyMwh * 100;
      detail.append(el('br'), t('kpi.todayForecast', {date: scored.date, forecast: number(scored.energyMwh),
        deviation: (deviation >= 0 ? '+' : '') + number(deviation, 1)}));
    }
    if (next) {
      detail.append(el('br'), t('kpi.nextForecast', {date: next.date, forecast: number(next.energyMwh),
        low: number(next.lower80Mwh), high: number(next.upper80Mwh)}));
    }
    if (!scored && !next) detail.append(el('br'), t('series.noForecast'));
    cardNode.append(detail);
  } catch (error) {
    value.textContent = t('kpi.unavailable');
    cardNode.append(failure(error));
  }
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
  const horizonSelect = el('select', {id: 'series-horizon'},
      HORIZONS.map(h => el('option', {value: h, selected: String(h) === (params.get('horizon') ?? '1')}, `${h} d`)));
  const canvas = el('canvas', {id: 'series-chart', class: 'chart'});
  const summary = el('p', {id: 'series-summary'});
  const legend = el('p', {id: 'series-legend', class: 'legend'});
  page(el('h1', {}, t('series.title')),
      el('form', {class: 'toolbar', onsubmit: e => {
        e.preventDefault();
        location.hash = `#/series?id=${encodeURIComponent(select.value)}&hours=${windowSelect.value}`
            + `&horizon=${horizonSelect.value}`;
      }},
      el('label', {}, t('series.pick'), ' ', select), el('label', {}, t('series.window'), ' ', windowSelect),
      el('label', {}, t('series.horizon'), ' ', horizonSelect),
      el('button', {type: 'submit'}, t('series.load'))),
      el('section', {class: 'card plot'}, summary, canvas, legend));
  try {
    // A series named in the address is fetched at once, beside the catalogue (one round trip less).
    const named = params.get('id');
    const hours = Number(windowSelect.value);
    const horizon = Number(horizonSelect.value);
    const started = performance.now();
    const reading = named ? readSeries(named, hours, horizon) : null;
    reading?.measured.catch(() => {});  // awaited below; this only keeps an early failure from being reported twice
    const catalogue = await api('/api/v1/series?size=200');
    const ids = (catalogue.content ?? []).map(s => s.id);
    const chosen = named ?? ids[0];
    if (chosen && !ids.includes(chosen)) ids.unshift(chosen);
    const regions = new Map((catalogue.content ?? []).map(s => [s.id, s.region]));
    select.replaceChildren(...ids.map(id => el('option', {value: id, selected: id === chosen},
        regions.has(id) ? `${id} · ${REGIONS[regions.get(id)] ?? regions.get(id)}` : id)));
    if (!chosen) {
      summary.textContent = t('series.none');
      return;
    }
    const {measured, forecasts} = reading ?? readSeries(chosen, hours, horizon);
    // The forecast is drawn with the measured line when it is in by then, over it when it comes later: a window of
    // years has a forecast day per day and should not hold the measured line back.
    let issued = null;
    const forecastIn = forecasts.then(answer => { issued = answer; });
    const [read, anomalies] = await measured;
    const fetched = performance.now();
    const {x, y, temperature, shades, strikeRecords, records} = read.view ? viewLines(read.view)
      : recordLines(read.records);
    const markers = (anomalies.content ?? []).filter(a => a.observedMw != null)
        .map(a => ({x: Date.parse(a.intervalStart), y: a.observedMw}));
    const tip = {days: []};
    const draw = () => {
      const forecast = forecastLines(issued?.days ?? []);
      const plot = drawChart(canvas, {x, y}, {name: 'actual', markers, shades, unit: 'MW', ...forecastLayers(forecast),
        secondary: temperature.some(v => !Number.isNaN(v)) ? {name: 'temperature', x, y: temperature, unit: '°C'}
          : null});
      canvas.dataset.forecastDays = forecast.days.length;
      probe.charts['series-chart'] = {px: plot.px, py: plot.py, forecast: forecast.days};
      tip.plot = plot;
      tip.days = forecast.days;
      return plot;
    };
    const plot = draw();
    // The records the line stands for: drawn one by one, or as the view's min/max pairs.
    const points = read.view ? records : plot.points;
    canvas.dataset.points = points;
    canvas.dataset.buckets = read.view ? read.view.buckets.length : 0;
    canvas.dataset.markers = markers.length;
    canvas.dataset.strikeRecords = strikeRecords;
    legend.replaceChildren(
        el('span', {class: 'key actual'}, t('series.actual')),
        el('span', {class: 'key forecast'}, t('series.forecast', {horizon})),
        el('span', {class: 'key band80'}, t('series.band80')), el('span', {class: 'key band95'}, t('series.band95')),
        el('span', {class: 'key anomaly'}, t('series.anomalies')),
        el('span', {class: 'key strike'}, t('series.strike')), el('span', {class: 'key holiday'}, t('series.holiday')),
        el('span', {class: 'key temperature'}, t('series.temperature')));
    tooltip(canvas, {xAt: pixel => tip.plot.xAt(pixel)}, at => seriesTip(at, x, y, tip.days, horizon));
    const describe = () => summary.replaceChildren(`${chosen}: ${number(points)} ${t('series.points')}, `
        + `${number(markers.length)} ${t('series.anomalies')}, ` + (tip.days.length
      ? t('series.forecastDays', {days: number(tip.days.length)})
      : issued === null ? '…' : issued.error ? t('series.forecastFailed', {error: issued.error.message})
        : t('series.noForecast')));
    describe();
    await nextFrame();
    const firstRender = performance.now();
    const drawMs = firstRender - fetched;
    const forecastWasIn = issued !== null;
    await forecastIn;
    if (!forecastWasIn) {
      draw();
      describe();
      await nextFrame();
    }
    // On the canvas shown, not in the shared probe: a page rendered twice (two hash changes) has two of these runs.
    canvas.dataset.forecastSettled = 'true';
    probe.timings.series = {points, buckets: Number(canvas.dataset.buckets), markers: markers.length,
      forecastDays: tip.days.length, forecastDrawnWithTheLine: forecastWasIn, fetchMs: fetched - started, drawMs,
      totalMs: firstRender - started, firstRenderMs: firstRender, forecastRenderMs: performance.now()};
  } catch (error) {
    summary.replaceChildren(failure(error));
    canvas.dataset.forecastSettled = 'failed';
  }
}

/**
 * The forecast's days drawn as steps (each day's value from its start to its end, a gap where a day is missing): in
 * MW, the mean power over the Paris day (energy / its 23, 24 or 25 hours, from the bounds the API gives), beside a
 * measured power line; in MWh, the day's energy. {x, y (forecast), actual (realised, NaN before scoring), low80,
 * high80, low95, high95, days (the values per day, in the unit)}.
 */
function forecastLines(days, unit = 'MW') {
  const x = [], y = [], actual = [], low80 = [], high80 = [], low95 = [], high95 = [];
  const inUnit = [];
  let previousEnd = NaN;
  for (const d of days) {
    const start = Date.parse(d.start), end = Date.parse(d.end);
    const hours = unit === 'MW' ? (end - start) / 3600000 : 1;
    const value = v => v == null ? NaN : v / hours;
    const day = {date: d.date, start, end, leadDays: d.leadDays, mean: value(d.energyMwh), low80: value(d.lower80Mwh),
      high80: value(d.upper80Mwh), low95: value(d.lower95Mwh), high95: value(d.upper95Mwh),
      actual: value(d.actualMwh), inside80: d.inside80, inside95: d.inside95};
    inUnit.push(day);
    if (!Number.isNaN(previousEnd) && start !== previousEnd) {
      for (const a of [y, actual, low80, high80, low95, high95]) a.push(NaN);
      x.push(previousEnd);
    }
    x.push(start, end);
    for (const [a, v] of [[y, day.mean], [actual, day.actual], [low80, day.low80], [high80, day.high80],
      [low95, day.low95], [high95, day.high95]]) a.push(v, v);
    previousEnd = end;
  }
  return {x, y, actual, low80, high80, low95, high95, days: inUnit};
}

/** The 95 % and 80 % bands and the forecast line of forecastLines, as drawChart's options. */
function forecastLayers(forecast) {
  return {
    bands: [{name: 'band95', x: forecast.x, low: forecast.low95, high: forecast.high95, color: BAND95},
      {name: 'band80', x: forecast.x, low: forecast.low80, high: forecast.high80, color: BAND80}],
    lines: [{name: 'forecast', x: forecast.x, y: forecast.y, color: FORECAST_COLOR, width: 1.5}],
  };
}

/** What the consumption chart says at an instant: the measured value there, the day's forecast and its bands. */
function seriesTip(at, x, y, days, horizon) {
  const lines = [time(at)];
  const i = nearest(x, at);
  if (i >= 0) {
    // The view gives a bucket as its min and max at one instant: both are shown.
    let lo = Infinity, hi = -Infinity;
    for (let j = i; j < x.length && x[j] === x[i]; j++) {
      if (!Number.isNaN(y[j])) {
        lo = Math.min(lo, y[j]);
        hi = Math.max(hi, y[j]);
      }
    }
    if (Number.isFinite(lo)) {
      lines.push(`${t('series.actual')}: ${lo === hi ? number(lo) : number(lo) + ' – ' + number(hi)} MW`);
    }
  }
  const day = days.find(d => d.start <= at && at < d.end);
  if (day) {
    lines.push(`${t('series.forecast', {horizon})}: ${number(day.mean)} MW (${day.date}, `
        + `${t('tip.lead', {lead: day.leadDays})})`,
    `80 %: ${number(day.low80)} – ${number(day.high80)} MW`,
    `95 %: ${number(day.low95)} – ${number(day.high95)} MW`);
    if (!Number.isNaN(day.actual)) {
      lines.push(`${t('tip.realised')}: ${number(day.actual)} MW, ${t(inside(day))}`);
    }
  }
  return lines;
}

/** Where a scored day's actual fell: the label key. */
function inside(day) {
  return day.inside80 ? 'tip.inside80' : day.inside95 ? 'tip.inside95' : 'tip.outside';
}

/** The index of the first point at the x nearest to value in an ascending array; -1 when empty. */
function nearest(xs, value) {
  if (!xs.length) return -1;
  let lo = 0, hi = xs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < value) lo = mid + 1; else hi = mid;
  }
  if (lo > 0 && value - xs[lo - 1] < xs[lo] - value) {
    lo--;
    while (lo > 0 && xs[lo - 1] === xs[lo]) lo--;
  }
  return lo;
}

/** A tooltip over a chart: describe(instant) gives its lines at the pointer, or nothing to hide it. */
function tooltip(canvas, plot, describe) {
  const tip = el('div', {class: 'tip', id: canvas.id + '-tip', role: 'tooltip', hidden: true});
  canvas.after(tip);
  canvas.addEventListener('mousemove', e => {
    const lines = describe(plot.xAt(e.offsetX));
    if (!lines?.length) {
      tip.hidden = true;
      return;
    }
    tip.replaceChildren(...lines.map(line => el('div', {}, line)));
    tip.hidden = false;
    const left = e.offsetX + 14 + tip.offsetWidth > canvas.clientWidth ? e.offsetX - 14 - tip.offsetWidth
      : e.offsetX + 14;
    tip.style.left = `${canvas.offsetLeft + left}px`;
    tip.style.top = `${canvas.offsetTop + e.offsetY + 14}px`;
  });
  canvas.addEventListener('mouseleave', () => { tip.hidden = true; });
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

function readSeries(id, hours, horizon) {
  const series = encodeURIComponent(id);
  const line = expectedRecords(id, hours) > VIEW_ABOVE
    ? api(`/api/v1/enriched/view?series=${series}&hours=${hours}&points=${VIEW_POINTS}`).then(view => ({view}))
    : allPages(`/api/v1/enriched?series=${series}&hours=${hours}`).then(records => ({records}));
  // The forecast of each day in the window and the horizon after it; without it the chart still shows the actual.
  const forecasts = api(`/api/v1/forecasts/issued/days?series=${series}&horizon=${horizon}&hours=${hours}`)
      .catch(error => ({error}));
  return {measured: Promise.all([line, api(`/api/v1/anomalies?series=${series}&hours=${hours}&size=${PAGE_SIZE}`)]),
    forecasts};
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
          el('dt', {}, t('col.time')),
          el('dd', {id: 'anomaly-time'}, `${time(a.intervalStart)} → ${time(a.intervalEnd)}`),
          el('dt', {}, t('col.status')), el('dd', {id: 'anomaly-status'}, a.status),
          el('dt', {}, t('col.observed')), el('dd', {}, number(a.observedMw, 1)),
          el('dt', {}, t('anomaly.expected')),
          el('dd', {id: 'anomaly-expected'},
              `${number(a.expectedMw, 1)} (${number(a.expectedLowMw, 1)} – ${number(a.expectedHighMw, 1)}) MW`),
          el('dt', {}, t('col.score')), el('dd', {}, number(a.score, 3)),
          el('dt', {}, t('anomaly.cost')),
          el('dd', {id: 'anomaly-cost'}, a.costImpactEur == null ? '–' : number(a.costImpactEur) + ' €'),
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
          bands: [{name: 'expected', x: [start, Date.parse(a.intervalEnd)], low: [a.expectedLowMw, a.expectedLowMw],
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
    result.textContent = t('upload.found', {anomalies: number(report.anomalies), rows: number(report.rows),
      detector: report.detector});
    // The service says when it scored with another detector than the one asked for, and why.
    if (report.fallback) result.append(' — ', report.fallback);
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

/** The realised days the forecasts page shows at each horizon: the last 30. */
const REALISED_HOURS = 720;

async function forecastsPage() {
  const params = query();
  const series = el('select', {id: 'forecast-series'});
  const horizon = el('select', {id: 'forecast-horizon'},
      HORIZONS.map(h => el('option', {value: h, selected: String(h) === (params.get('horizon') ?? '1')}, `${h} d`)));
  const issued = el('section', {class: 'card', id: 'forecast-issued'});
  const realised = el('section', {class: 'card plot', id: 'forecast-realised'});
  const accuracy = el('section', {class: 'card', id: 'forecast-accuracy'});
  page(el('h1', {}, t('forecasts.title')),
      el('form', {class: 'toolbar', onsubmit: e => {
        e.preventDefault();
        location.hash = `#/forecasts?series=${encodeURIComponent(series.value)}&horizon=${horizon.value}`;
      }}, el('label', {}, t('series.pick'), ' ', series), el('label', {}, t('forecasts.horizon'), ' ', horizon),
      el('button', {type: 'submit'}, t('series.load'))),
      issued, realised, accuracy);
  let chosen = params.get('series');
  try {
    const ids = ((await api('/api/v1/series?size=200')).content ?? []).map(s => s.id);
    chosen ??= ids[0];
    if (chosen && !ids.includes(chosen)) ids.unshift(chosen);
    series.replaceChildren(...ids.map(id => el('option', {value: id, selected: id === chosen}, id)));
  } catch (error) {
    issued.append(failure(error));
  }
  if (!chosen) {
    issued.append(el('p', {}, t('series.none')));
    return;
  }
  const id = encodeURIComponent(chosen);
  const h = Number(horizon.value);
  const [forecast, days, scores] = await Promise.allSettled([
    api(`/api/v1/forecasts/issued/latest?series=${id}&horizon=${h}`),
    api(`/api/v1/forecasts/issued/days?series=${id}&horizon=${h}&hours=${REALISED_HOURS}`),
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
    drawChart(canvas, {x, y: steps.map(s => s.energyMwh)}, {name: 'forecast', unit: 'MWh', color: FORECAST_COLOR,
      bands: [
        {name: 'band95', x, low: steps.map(s => s.lower95Mwh), high: steps.map(s => s.upper95Mwh), color: BAND95},
        {name: 'band80', x, low: steps.map(s => s.lower80Mwh), high: steps.map(s => s.upper80Mwh), color: BAND80}]});
  } else {
    issued.append(el('p', {}, t('forecasts.none')), failure(forecast.reason));
  }
  realised.append(el('h2', {}, t('forecasts.realised', {horizon: h})));
  if (days.status === 'fulfilled') {
    showRealised(realised, days.value.days ?? [], h);
  } else {
    realised.append(failure(days.reason));
  }
  accuracy.append(el('h2', {}, t('forecasts.accuracy')));
  if (scores.status === 'fulfilled') {
    accuracy.append(table([{label: 'col.model', value: g => g.algorithm},
      {label: 'col.horizon', value: g => g.horizonDays}, {label: 'col.count', value: g => number(g.count)},
      {label: 'col.mape', value: g => number(g.mapePercent, 2)}, {label: 'col.mae', value: g => number(g.maeMwh)},
      {label: 'col.coverage95', value: g => number(g.coverage95Percent, 1)}], scores.value.groups ?? [],
    g => ({class: g.horizonDays === h ? 'current' : null, dataset: {horizon: g.horizonDays}})));
  } else {
    accuracy.append(failure(scores.reason));
  }
}

/** Each recent day's forecast at the horizon beside what it turned out to be: a chart of both and the scored days. */
function showRealised(section, days, horizon) {
  const forecast = forecastLines(days, 'MWh');
  const scored = forecast.days.filter(d => !Number.isNaN(d.actual));
  if (!forecast.days.length) {
    section.append(el('p', {}, t('series.noForecast')));
    return;
  }
  const canvas = el('canvas', {id: 'realised-chart', class: 'chart'});
  const legend = el('p', {class: 'legend'}, el('span', {class: 'key actual'}, t('forecasts.actual')),
      el('span', {class: 'key forecast'}, t('forecasts.forecast', {horizon})),
      el('span', {class: 'key band80'}, t('series.band80')), el('span', {class: 'key band95'}, t('series.band95')));
  section.append(canvas, legend, table([
    {label: 'col.day', value: d => d.date}, {label: 'col.lead', value: d => t('tip.lead', {lead: d.leadDays})},
    {label: 'col.energy', value: d => number(d.mean)}, {label: 'col.actual', value: d => number(d.actual)},
    {label: 'col.error', value: d => number((d.actual - d.mean) / d.actual * 100, 1)},
    {label: 'col.band80', value: d => `${number(d.low80)} – ${number(d.high80)}`},
    {label: 'col.inside', value: d => t(inside(d))}], scored.slice().reverse(),
  d => ({dataset: {date: d.date, inside80: String(d.inside80)}})));
  const plot = drawChart(canvas, {x: forecast.x, y: forecast.actual}, {name: 'actual', unit: 'MWh',
    ...forecastLayers(forecast)});
  probe.charts['realised-chart'] = {px: plot.px, py: plot.py, forecast: forecast.days};
  tooltip(canvas, plot, at => {
    const day = forecast.days.find(d => d.start <= at && at < d.end);
    return day && [`${day.date}, ${t('tip.lead', {lead: day.leadDays})}`,
      `${t('forecasts.forecast', {horizon})}: ${number(day.mean)} MWh`,
      `80 %: ${number(day.low80)} – ${number(day.high80)} MWh`,
      `95 %: ${number(day.low95)} – ${number(day.high95)} MWh`,
      Number.isNaN(day.actual) ? t('forecasts.pending')
        : `${t('forecasts.actual')}: ${number(day.actual)} MWh, ${t(inside(day))}`];
  });
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
