// Market Opportunities dashboard: loads a portfolio file in the browser, sends it to the scan API
// on Scan, and renders the report (ScanReport, snake_case). No framework; Chart.js (global Chart)
// draws the allocation chart when the service serves it, the table beside it carries the numbers.

const SCAN_URL = '/api/bourse/opportunities';
const CACHE_STATS_URL = '/api/bourse/cache/stats';
const STORAGE_KEYS = { apiKey: 'market-opportunities.api-key', adminToken: 'market-opportunities.admin-token' };
const HORIZON_LABELS = { short: '1-3 months', medium: '6-12 months', long: '2-3 years' };
const MIN_GAP_RANGE = { min: 0, max: 50 };
const HORIZON_RERUN_DELAY_MS = 350; // arrow keys walk the radios: scan once the choice settles

const $ = (selector, root = document) => root.querySelector(selector);

const ui = {
  form: $('#scan-form'),
  fileInput: $('#portfolio-file'),
  dropZone: $('#drop-zone'),
  fileInfo: $('#file-info'),
  minGap: $('#min-gap'),
  baseCurrency: $('#base-currency'),
  asOf: $('#as-of'),
  apiKey: $('#api-key'),
  cash: $('#cash'),
  cashCurrency: $('#cash-currency'),
  planAdvanced: $('#plan-advanced'),
  useTrims: $('#use-trims'),
  maxPositions: $('#max-positions'),
  minTicket: $('#min-ticket'),
  minScore: $('#min-score'),
  scanButton: $('#scan-button'),
  scanHint: $('#scan-hint'),
  progress: $('#scan-progress'),
  elapsed: $('#scan-elapsed'),
  announcer: $('#announcer'),
  error: $('#error'),
  results: $('#results'),
  emptyState: $('#empty-state'),
  summary: $('#summary'),
  planSection: $('#plan-section'),
  planSummary: $('#plan-summary'),
  planNotes: $('#plan-notes'),
  planTableWrap: $('#plan-table-wrap'),
  planTable: $('#plan-table'),
  planCharts: $('#plan-charts'),
  planSectors: $('#plan-sectors'),
  planRegions: $('#plan-regions'),
  exposureSection: $('#exposure-section'),
  assetClasses: $('#asset-classes'),
  sectorExposure: $('#sector-exposure'),
  regionExposure: $('#region-exposure'),
  holdingsSection: $('#holdings-section'),
  holdingsTable: $('#holdings-table'),
  gaps: $('#gaps'),
  opportunitiesTable: $('#opportunities-table'),
  sectorScoreNote: $('#sector-score-note'),
  trimsTable: $('#trims-table'),
  excluded: $('#excluded'),
  risk: $('#risk'),
  capitalFlow: $('#capital-flow'),
  chartHolder: $('#chart-holder'),
  chartCanvas: $('#impact-chart'),
  chartCaption: $('#impact-chart-caption'),
  allocationTable: $('#allocation-table'),
  allocationCaption: $('#allocation-caption'),
  allocationBucketHeader: $('#allocation-bucket-header'),
  drift: $('#drift'),
  driftHint: $('#drift-hint'),
  cachePanel: $('#cache-panel'),
  cacheBody: $('#cache-body'),
  cacheForm: $('#cache-form'),
  adminToken: $('#admin-token'),
  cacheRefresh: $('#cache-refresh'),
};

const state = {
  file: null,          // { name, size, bytes, contentType }: read once, sent on Scan
  report: null,
  scan: null,          // { controller, timer } of the running scan
  horizonTimer: null,
  sort: { key: 'score', direction: 'descending' },
  holdingsSort: { key: 'value', direction: 'descending' },
  requestedCurrency: '', // the base currency the last finished scan asked for ('' when it left it to the file)
  openRationales: new Set(),
  chart: null,
  chartGroupStarts: [], // indexes of the chart's bars that start a new dimension
  cacheController: null,
  cacheLoaded: false,  // stats were read once: refresh them after each scan
  refocusScanButton: false,
};

// ---------------------------------------------------------------- formatting

const numberFormats = new Map();
function numberFormat(options) {
  const key = JSON.stringify(options);
  if (!numberFormats.has(key)) numberFormats.set(key, new Intl.NumberFormat(undefined, options));
  return numberFormats.get(key);
}
const fixed = (value, digits) =>
  numberFormat({ minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
const integer = (value) => numberFormat({ maximumFractionDigits: 0 }).format(value);

function money(value, currency) {
  if (value == null || Number.isNaN(value)) return '—';
  try {
    return numberFormat({ style: 'currency', currency, currencyDisplay: 'code',
      minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
  } catch {
    // not an ISO 4217 code: still show the amount and whatever the report called its currency
    return `${fixed(value, 2)} ${currency ?? ''}`.trim();
  }
}

/** Percent points (12.5 means 12.5 %). */
const percent = (value, digits = 1) => (value == null ? '—'
  : numberFormat({ style: 'unit', unit: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits })
    .format(value));

/** A signed number of percent points without the unit, for columns whose header names it. */
const signed = (value, digits = 1) =>
  numberFormat({ minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay: 'exceptZero' })
    .format(value).replace('-', '−');

/** A difference in percent points, always signed. */
const points = (value, digits = 1) => `${signed(value, digits)} pts`;

const score = (value) => (value == null ? '—' : fixed(value, 1));
const ratioAsPercent = (value) => (value == null ? '—'
  : numberFormat({ style: 'percent', maximumFractionDigits: 0 }).format(value));

function fileSize(bytes) {
  if (bytes < 1024) return `${integer(bytes)} bytes`;
  if (bytes < 1024 * 1024) return `${fixed(bytes / 1024, 1)} KB`;
  return `${fixed(bytes / (1024 * 1024), 1)} MB`;
}

function calendarDate(isoDate) {
  if (!isoDate) return '';
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

function dateTime(isoInstant) {
  const date = new Date(isoInstant);
  if (Number.isNaN(date.getTime())) return isoInstant;
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

// The readings of SCANNER.md 4 as the report names them (an opportunity's action, a gap's reading):
// their thresholds live in the service alone (scoring/Reading); the page words, colours and ranks them.
const READINGS = {
  STRONG_BUY: { words: 'strong buy', className: 'score-strong-buy', rank: 4 },
  BUY: { words: 'buy', className: 'score-buy', rank: 3 },
  CONSIDER: { words: 'consider', className: 'score-consider', rank: 2 },
  AVOID: { words: 'avoid', className: 'score-avoid', rank: 1 },
};

// the two dimensions of EXPOSURE.md 1, as the report names them (gaps[].dimension, impact.dimension_of)
const DIMENSIONS = {
  sector: { one: 'Sector', many: 'Sectors' },
  region: { one: 'Region', many: 'Regions' },
};

const readingClass = (reading) => READINGS[reading]?.className ?? 'score-none';

const plural = (count, one, many = `${one}s`) => `${integer(count)} ${count === 1 ? one : many}`;

/** Ends a server sentence with a full stop so that a second sentence can follow it. */
const sentence = (text) => (/[.!?…]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

// ---------------------------------------------------------------- DOM helper

/** Builds an element; text goes in as text nodes, never as HTML. */
function h(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value == null || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name === 'dataset') {
      for (const [key, data] of Object.entries(value)) if (data != null) node.dataset[key] = data;
    }
    else if (name === 'style') node.style.cssText = value;
    else if (name === 'hidden') node.hidden = true;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

/** Replaces a node's children, skipping the nulls that conditional parts leave. */
function fill(node, ...children) {
  node.replaceChildren(...children.flat(Infinity).filter((child) => child != null && child !== false));
}

const SECTOR_SCORE_NOTE = "Not scored itself: its sector ETF's score";

/** A score coloured by its reading, as the report gives it. */
function scoreBadge(value, reading) {
  if (value == null) return h('span', { class: 'score score-none' }, 'no score');
  return h('span', { class: `score ${readingClass(reading)}` }, score(value));
}

/** A reading in words, in its colour; a muted dash where there is no score to read. */
function readingBadge(reading) {
  if (!READINGS[reading]) return h('span', { class: 'muted' }, '—');
  return h('span', { class: `reading ${readingClass(reading)}` }, READINGS[reading].words);
}

/** A table cell's score; a stock shown with its sector ETF's score carries a marker that says so. */
function scoreCell(value, reading, { fromSector = false } = {}) {
  if (!fromSector) {
    return h('span', { class: 'score-cell' }, scoreBadge(value, reading),
      h('span', { class: 'marker-slot', 'aria-hidden': 'true' }));
  }
  return h('span', { class: 'score-cell', title: SECTOR_SCORE_NOTE },
    scoreBadge(value, reading),
    h('span', { class: 'marker-slot', 'aria-hidden': 'true' }, '◇'),
    h('span', { class: 'visually-hidden' }, ` (${SECTOR_SCORE_NOTE.toLowerCase()})`));
}

const staleBadge = () => h('span', { class: 'badge badge-stale',
  title: 'Past its fresh life: served from the cache because market data could not be fetched' }, 'stale');

const PARTIAL_NOTE = 'value pillar missing: fundamentals could not be fetched';

/** A score without its value pillar: its composite weighs momentum and diversification alone. */
const partialBadge = () => h('span', { class: 'badge badge-partial', title: PARTIAL_NOTE }, 'partial');

// ---------------------------------------------------------------- messages

function showError(message, details = []) {
  fill(ui.error, h('p', {}, message));
  if (details.length) ui.error.append(h('ul', {}, details.map((line) => h('li', {}, line))));
}

const clearError = () => fill(ui.error);
const announce = (text) => { ui.announcer.textContent = text; };

/** Seconds from a Retry-After header (seconds or an HTTP date), or null. */
function retryAfterSeconds(response) {
  const header = response.headers.get('Retry-After');
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(1, Math.ceil((date - Date.now()) / 1000));
}

/** The RFC 9457 problem of an error response, or {} when the body is something else. */
async function readProblem(response) {
  try {
    const type = response.headers.get('Content-Type') ?? '';
    if (!type.includes('json')) return {};
    const body = await response.json();
    return body && typeof body === 'object' ? body : {};
  } catch {
    return {};
  }
}

/** Row-level problems some responses list beside the detail (errors / invalid_params). */
function problemItems(problem) {
  const list = problem.errors ?? problem.invalid_params ?? problem.invalidParams;
  if (!Array.isArray(list)) return [];
  return list.map((item) => (typeof item === 'string' ? item
    : item?.detail ?? item?.message ?? item?.reason ?? null)).filter(Boolean).slice(0, 20);
}

function describeScanFailure(response, problem) {
  const detail = typeof problem.detail === 'string' && problem.detail.trim() ? sentence(problem.detail) : null;
  const wait = retryAfterSeconds(response);
  const retry = wait != null ? `Try again in ${plural(wait, 'second')}.` : 'Try again in a moment.';
  // "Lead: detail", unless the service's sentence already says it
  const explain = (lead, fallback) => {
    if (!detail) return `${lead}: ${fallback}`;
    return detail.toLowerCase().startsWith(lead.toLowerCase()) ? detail : `${lead}: ${detail}`;
  };
  const withRetry = (text) => (/try again/i.test(text) ? text : `${text} ${retry}`);
  switch (response.status) {
    case 400:
    case 422:
      // the service names the parameter of a bad setting, and the line and column of a bad file
      return problem.parameter || planFieldOf(problem)
        ? explain('A scan setting is not valid', PLAN_FIELDS[problem.parameter]
          ? 'check the amount to invest and its advanced settings.' : 'check the min gap and the date.')
        : explain('The portfolio file could not be read', 'the service did not say why.');
    case 401:
      return ui.apiKey.value.trim()
        ? explain('The API key was not accepted', 'check it and scan again.')
        : 'This service needs an API key: enter yours in the “API key” field and scan again.';
    case 403:
      return explain('This API key may not run scans', 'ask the service’s operator for one that can.');
    case 413:
      return explain('The portfolio file is too large', 'choose a smaller file.');
    case 429:
      return wait != null
        ? `Too many scans: try again in ${plural(wait, 'second')}.`
        : 'Too many scans: wait a moment and try again.';
    case 502:
    case 503:
    case 504:
      return withRetry(explain('Market data is unavailable right now', 'the data provider did not answer.'));
    default:
      return explain(`The scan failed (${response.status}${response.statusText ? ` ${response.statusText}` : ''})`,
        'the service did not say why.');
  }
}

// ---------------------------------------------------------------- portfolio file

function contentTypeOf(name, bytes) {
  const lower = name.toLowerCase();
  if (lower.endsWith('.json')) return 'application/json';
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return 'text/csv';
  // no telling extension: JSON starts with a brace, after any byte-order mark and white space
  const head = new TextDecoder().decode(bytes.slice(0, 64)).replace(/^\uFEFF/, '').trimStart();
  return head.startsWith('{') ? 'application/json' : 'text/csv';
}

async function acceptFile(file, { extraFiles = 0 } = {}) {
  if (!file) return;
  clearError();
  if (file.size === 0) {
    showError(`${file.name} is empty: choose a portfolio file with positions in it.`);
    return;
  }
  let bytes;
  try {
    bytes = await file.arrayBuffer(); // read now: the file stays in the browser until Scan
  } catch (error) {
    showError(`${file.name} could not be read by the browser: ${error.message || 'it may have moved or changed'}. Choose it again.`);
    return;
  }
  state.file = { name: file.name, size: file.size, bytes, contentType: contentTypeOf(file.name, bytes) };
  const kind = state.file.contentType === 'application/json' ? 'JSON' : 'CSV';
  fill(ui.fileInfo,
    'Loaded ', h('strong', {}, file.name), ` · ${fileSize(file.size)} · ${kind}`,
    extraFiles ? ` (only the first of the ${extraFiles + 1} dropped files is used)` : '');
  ui.dropZone.classList.add('has-file');
  fill(ui.dropZone.querySelector('.drop-title'),
    'Choose another file ', h('span', { class: 'drop-or' }, 'or drop it here'));
  ui.scanHint.textContent = state.report ? 'Scan again to see the results for this file.' : 'Ready to scan.';
}

function setUpFileInput() {
  ui.fileInput.addEventListener('change', () => {
    acceptFile(ui.fileInput.files[0]);
  });

  const hasFiles = (event) => Array.from(event.dataTransfer?.types ?? []).includes('Files');
  let depth = 0; // dragenter/dragleave fire for every child the pointer crosses
  ui.dropZone.addEventListener('dragenter', (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    depth += 1;
    ui.dropZone.classList.add('dragging');
  });
  ui.dropZone.addEventListener('dragover', (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  });
  ui.dropZone.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) ui.dropZone.classList.remove('dragging');
  });
  ui.dropZone.addEventListener('drop', (event) => {
    event.preventDefault();
    depth = 0;
    ui.dropZone.classList.remove('dragging');
    const files = Array.from(event.dataTransfer?.files ?? []);
    if (files.length) acceptFile(files[0], { extraFiles: files.length - 1 });
  });
  // a file dropped beside the zone must not make the browser navigate away from the page
  for (const type of ['dragover', 'drop']) {
    window.addEventListener(type, (event) => {
      if (hasFiles(event) && !ui.dropZone.contains(event.target)) {
        event.preventDefault();
        if (event.dataTransfer) event.dataTransfer.dropEffect = 'none';
      }
    });
  }
}

// ---------------------------------------------------------------- scan

const selectedHorizon = () => $('input[name=horizon]:checked')?.value ?? 'medium';

function readMinGap() {
  const raw = ui.minGap.value.trim();
  const value = Number(raw);
  const valid = raw !== '' && Number.isFinite(value) && value >= MIN_GAP_RANGE.min && value <= MIN_GAP_RANGE.max;
  ui.minGap.setAttribute('aria-invalid', String(!valid));
  return valid ? value : null;
}

// ----- buy plan inputs (PLAN.md): sent only with an amount

/** The plan's fields by the query parameter each one sends: a 400 naming one is shown beside it too. */
const PLAN_FIELDS = {
  cash: ui.cash, use_trims: ui.useTrims, max_positions: ui.maxPositions, min_ticket: ui.minTicket, min_score: ui.minScore,
};
const ADVANCED_FIELDS = new Set([ui.useTrims, ui.maxPositions, ui.minTicket, ui.minScore]);

/** A field's own message, under it and read with it (aria-describedby); null clears it. */
function setFieldError(input, message) {
  const error = document.getElementById(`${input.id}-error`);
  input.setAttribute('aria-invalid', String(Boolean(message)));
  error.textContent = message ?? '';
  error.hidden = !message;
  if (message && ADVANCED_FIELDS.has(input)) ui.planAdvanced.open = true; // never a message out of sight
}

/** A number field's value: null when empty, NaN when the browser holds something that is not a number. */
function numberIn(input) {
  if (input.validity.badInput) return Number.NaN;
  const raw = input.value.trim();
  return raw === '' ? null : Number(raw);
}

/**
 * The plan's query parameters; none at all without an amount (the answer then has no plan). Each
 * field that is not valid gets its own message and is listed in `invalid`, in the page's order.
 * An empty advanced field is left to the service's default.
 */
function readPlanParameters() {
  Object.values(PLAN_FIELDS).forEach((input) => setFieldError(input, null));
  const cash = numberIn(ui.cash);
  if (cash === null) return { params: [], invalid: [] };
  const invalid = [];
  const check = (input, valid, message) => {
    if (valid) return;
    setFieldError(input, message);
    invalid.push({ input, message });
  };
  const maxPositions = numberIn(ui.maxPositions);
  const minTicket = numberIn(ui.minTicket);
  const minScore = numberIn(ui.minScore);
  check(ui.cash, Number.isFinite(cash) && cash >= 0, Number.isFinite(cash)
    ? 'The amount to invest cannot be negative.' : 'The amount to invest must be a number, e.g. 10000, or empty for no plan.');
  check(ui.maxPositions, maxPositions === null || (Number.isInteger(maxPositions) && maxPositions >= 1),
    'Most purchases must be a whole number, 1 or more.');
  check(ui.minTicket, minTicket === null || (Number.isFinite(minTicket) && minTicket >= 0), Number.isFinite(minTicket)
    ? 'The smallest purchase cannot be negative.' : 'The smallest purchase must be an amount, or empty for the default.');
  check(ui.minScore, minScore === null || (Number.isFinite(minScore) && minScore >= 0 && minScore <= 100),
    'The lowest score must be a number from 0 to 100.');
  const params = [['cash', cash]];
  if (ui.useTrims.checked) params.push(['use_trims', true]);
  if (maxPositions !== null) params.push(['max_positions', maxPositions]);
  if (minTicket !== null) params.push(['min_ticket', minTicket]);
  if (minScore !== null) params.push(['min_score', minScore]);
  return { params: params.map(([name, value]) => [name, String(value)]), invalid };
}

/**
 * The plan field a refused scan is about: the problem's `parameter`, else the plan parameter its
 * detail names first, as the API spells it. Not a file's problem (it names a line), and not when
 * no amount was sent: "cash" may well be a word of a portfolio file.
 */
function planFieldOf(problem) {
  if (PLAN_FIELDS[problem.parameter]) return PLAN_FIELDS[problem.parameter];
  if (problem.parameter || problem.line != null || typeof problem.detail !== 'string' || numberIn(ui.cash) === null) return null;
  const named = Object.keys(PLAN_FIELDS)
    .map((name) => ({ name, at: problem.detail.search(new RegExp(`\\b${name}\\b`)) }))
    .filter(({ at }) => at >= 0)
    .sort((a, b) => a.at - b.at)[0];
  return named ? PLAN_FIELDS[named.name] : null;
}

/** The currency of the amount: the last answer's base currency, unless another one was chosen since. */
function updateCashCurrency() {
  const chosen = ui.baseCurrency.value;
  const answered = state.report?.base_currency;
  const currency = answered && (!chosen || chosen === state.requestedCurrency) ? answered : chosen || answered;
  ui.cashCurrency.textContent = currency ? `(${currency})` : '(base currency)';
}

function setBusy(busy) {
  const hadFocus = document.activeElement === ui.scanButton;
  ui.scanButton.disabled = busy;
  ui.scanButton.textContent = busy ? 'Scanning…' : 'Scan';
  ui.results.setAttribute('aria-busy', String(busy));
  ui.progress.hidden = !busy;
  ui.scanHint.hidden = busy;
  if (busy) {
    state.refocusScanButton = hadFocus; // a disabled button drops the keyboard focus: give it back after
  } else if (state.refocusScanButton && (document.activeElement === document.body || !document.activeElement)) {
    ui.scanButton.focus({ preventScroll: true });
  }
}

function startElapsedCounter() {
  const started = performance.now();
  ui.elapsed.textContent = '0 s';
  return setInterval(() => {
    ui.elapsed.textContent = `${integer(Math.floor((performance.now() - started) / 1000))} s`;
  }, 1000);
}

function stopScan() {
  if (!state.scan) return;
  state.scan.controller.abort();
  clearInterval(state.scan.timer);
  state.scan = null;
}

async function scan({ reveal = false } = {}) {
  clearTimeout(state.horizonTimer);
  if (!state.file) {
    showError('Choose a portfolio file first: a CSV or JSON file of your positions.');
    ui.fileInput.focus();
    return;
  }
  const minGap = readMinGap();
  if (minGap == null) {
    showError(`Min gap must be a number from ${MIN_GAP_RANGE.min} to ${MIN_GAP_RANGE.max} (percent points).`);
    ui.minGap.focus();
    return;
  }
  if (ui.asOf.value === '' && ui.asOf.validity.badInput) {
    showError('The “as of” date is not complete: enter a full date or clear the field.');
    ui.asOf.focus();
    return;
  }
  const plan = readPlanParameters();
  if (plan.invalid.length) {
    const messages = plan.invalid.map(({ message }) => message);
    showError(messages.length === 1 ? messages[0] : 'Some buy plan settings need a fix:', messages.length > 1 ? messages : []);
    plan.invalid[0].input.focus();
    return;
  }
  clearError();
  stopScan();

  const horizon = selectedHorizon();
  const params = new URLSearchParams({ horizon, min_gap_pct: String(minGap) });
  if (ui.asOf.value) params.set('as_of', ui.asOf.value);
  // used by the service only when the file names no currency of its own
  const requestedCurrency = ui.baseCurrency.value;
  if (requestedCurrency) params.set('base_currency', requestedCurrency);
  for (const [name, value] of plan.params) params.set(name, value);
  const headers = { Accept: 'application/json, application/problem+json' };
  const apiKey = ui.apiKey.value.trim();
  if (apiKey) headers['X-API-Key'] = apiKey;
  // multipart carries the file's name, so that the service's messages can name it
  const body = new FormData();
  body.append('file', new Blob([state.file.bytes], { type: state.file.contentType }), state.file.name);

  const controller = new AbortController();
  const current = { controller, timer: startElapsedCounter() };
  state.scan = current;
  setBusy(true);
  announce(`Scanning ${state.file.name} for a ${HORIZON_LABELS[horizon]} horizon…`);

  try {
    const response = await fetch(`${SCAN_URL}?${params}`, { method: 'POST', headers, body, signal: controller.signal });
    if (!response.ok) {
      const problem = await readProblem(response);
      showError(describeScanFailure(response, problem), problemItems(problem));
      const field = response.status === 400 || response.status === 422 ? planFieldOf(problem) : null;
      if (field && typeof problem.detail === 'string' && problem.detail.trim()) setFieldError(field, sentence(problem.detail));
      announce('The scan failed.');
      return;
    }
    let report;
    try {
      report = await response.json();
    } catch {
      showError('The service answered with something that is not a scan report. Try again; if it persists, tell the service’s operator.');
      return;
    }
    state.report = report;
    state.requestedCurrency = requestedCurrency;
    renderReport(report);
    ui.scanHint.textContent = `Showing ${state.file.name}, ${HORIZON_LABELS[report.horizon] ?? report.horizon}.`;
    const purchases = Array.isArray(report.plan?.purchases) ? report.plan.purchases.length : null;
    announce(`Scan finished: ${plural(report.gaps?.length ?? 0, 'gap')}, ${plural(report.opportunities?.length ?? 0, 'opportunity', 'opportunities')}, ${plural(report.suggested_sales?.length ?? 0, 'suggested trim')}${purchases == null ? '' : `, a buy plan of ${plural(purchases, 'purchase')}`}.`);
    if (reveal) revealResults();
    if (state.cacheLoaded) refreshCacheStats({ quiet: true });
  } catch (error) {
    if (error.name === 'AbortError') return; // replaced by a newer scan
    showError('The service could not be reached: check your connection, or that the service is running, and try again.');
    announce('The scan failed.');
  } finally {
    if (state.scan === current) {
      clearInterval(current.timer);
      state.scan = null;
      setBusy(false);
    }
  }
}

function revealResults() {
  const target = $('#summary-section');
  const top = target.getBoundingClientRect().top;
  if (top > window.innerHeight * 0.6 || top < 0) {
    const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    target.scrollIntoView({ behavior: smooth ? 'smooth' : 'auto', block: 'start' });
  }
}

// ---------------------------------------------------------------- report

function renderReport(report) {
  ui.emptyState.hidden = true;
  for (const id of ['summary-section', 'gaps-section', 'opportunities-section', 'trims-section', 'impact-section']) {
    $(`#${id}`).hidden = false;
  }
  state.openRationales.clear();
  renderSummary(report);
  renderPlan(report);
  renderExposure(report);
  renderGaps(report);
  renderOpportunities(report);
  renderTrims(report);
  renderImpact(report);
  renderHoldings(report);
  updateCashCurrency();
}

function stat(label, value, { sub = null, tone = null } = {}) {
  return h('div', { class: `stat${tone ? ` ${tone}` : ''}` },
    h('dt', {}, label),
    h('dd', {}, value, sub ? h('span', { class: 'sub' }, sub) : null));
}

function renderSummary(report) {
  const currency = report.base_currency;
  const s = report.summary ?? {};
  const topGaps = (report.gaps ?? []).filter((gap) => gap.top).length;
  const buyNothing = (report.gaps ?? []).filter((gap) => gap.no_candidate_worth_buying).length;
  const shortfall = Math.max(0, (s.capital_needed ?? 0) - (s.capital_freed ?? 0));

  const stats = h('dl', { class: 'stat-grid' },
    stat('Positions', integer(s.positions ?? 0)),
    stat('Total value', money(s.total_value, currency)),
    stat('Gaps', integer(s.total_gaps ?? 0), { sub: topGaps ? `${plural(topGaps, 'top gap')} to fill` : 'none to fill' }),
    stat('Capital needed', money(s.capital_needed, currency), {
      sub: buyNothing
        ? `for ${integer(topGaps - buyNothing)} of ${plural(topGaps, 'top gap')}: ${integer(buyNothing)} with nothing worth buying`
        : `for ${plural(topGaps, 'top gap')}`,
    }),
    stat('Freed by trims', money(s.capital_freed, currency), {
      tone: s.sufficient_capital ? 'ok' : 'short',
      sub: s.sufficient_capital
        ? 'Enough to fund the gaps'
        : `Not enough: ${money(shortfall, currency)} of new cash needed`,
    }));

  const scanStats = report.stats ?? {};
  const meta = [
    `Horizon ${HORIZON_LABELS[report.horizon] ?? report.horizon}`,
    report.as_of ? `prices as of ${calendarDate(report.as_of)}` : null,
    valuesIn(currency, state.requestedCurrency),
    scanStats.duration_ms != null ? `computed in ${scanStats.duration_ms < 1000
      ? `${integer(scanStats.duration_ms)} ms` : `${fixed(scanStats.duration_ms / 1000, 1)} s`}` : null,
    scanStats.cache_hits != null ? `${plural(scanStats.cache_hits, 'score')} from the cache, ${integer(scanStats.cache_misses ?? 0)} computed` : null,
    scanStats.stale_served ? `${plural(scanStats.stale_served, 'stale score')} served` : null,
  ].filter(Boolean).join(' · ');

  const warnings = report.warnings ?? [];
  const unscored = report.unscored ?? [];
  fill(ui.summary,
    unconvertedNotice(report),
    stats,
    h('p', { class: 'scan-meta' }, meta),
    warnings.length ? h('div', { class: 'notice', role: 'note' },
      h('h3', {}, warnings.length === 1 ? 'Warning' : 'Warnings'),
      h('ul', {}, warnings.map((warning) => h('li', {}, warning)))) : null,
    unscored.length ? h('details', { class: 'unscored' },
      h('summary', {}, `${plural(unscored.length, 'symbol')} could not be scored`),
      h('ul', {}, unscored.map((item) => h('li', {}, h('strong', {}, item.symbol), `: ${item.reason}`)))) : null);
}

// ----- buy plan (PLAN.md)

/** The plan's method in words: how the amount was split. */
const PLAN_METHODS = {
  optimized: 'optimised',
  greedy: 'greedy split (the optimiser did no better)',
  none: 'nothing to buy',
};

/** A drift (a sum of squared points outside the ranges): whole from 10, else to one decimal. */
const driftFigure = (value) => (Math.abs(value) >= 10 ? integer(value) : fixed(value, 1));

function renderPlan(report) {
  const plan = report.plan;
  ui.planSection.hidden = !plan || typeof plan !== 'object';
  if (ui.planSection.hidden) return;
  const currency = report.base_currency;
  const purchases = Array.isArray(plan.purchases) ? plan.purchases.filter(Boolean) : [];
  const method = purchases.length ? PLAN_METHODS[plan.method] ?? String(plan.method ?? '') : PLAN_METHODS.none;

  const limits = [
    plan.from_trims > 0 ? `${money(plan.cash_given, currency)} given + ${money(plan.from_trims, currency)} freed by the suggested trims` : null,
    plan.max_positions != null ? `at most ${plural(plan.max_positions, 'purchase')}` : null,
    plan.min_ticket != null ? `none under ${money(plan.min_ticket, currency)}` : null,
    plan.min_score != null ? `scores of ${fixed(plan.min_score, digitsOf(plan.min_score))} and up` : null,
  ].filter(Boolean);
  const moved = purchases.length && Number.isFinite(plan.drift_after);
  const drift = Number.isFinite(plan.drift_before) ? [
    'Drift outside the ranges: ',
    moved ? h('strong', {}, `${driftFigure(plan.drift_before)} → ${driftFigure(plan.drift_after)}`)
      : [h('strong', {}, driftFigure(plan.drift_before)), ', unchanged'],
    moved && Number.isFinite(plan.greedy_drift_after) ? ` (greedy split: ${driftFigure(plan.greedy_drift_after)})` : null,
  ] : null;
  fill(ui.planSummary,
    h('p', { class: 'plan-headline' }, purchases.length
      ? [h('strong', {}, money(plan.cash, currency)), ` in ${plural(purchases.length, 'purchase')}, `, h('span', { class: 'plan-method' }, method)]
      : [h('strong', {}, money(plan.cash, currency)), ' to invest: ', h('span', { class: 'plan-method' }, method)]),
    drift ? h('p', { class: 'plan-drift', title: 'The sum of the squared points by which sectors and regions lie outside their target ranges' }, drift) : null,
    limits.length ? h('p', { class: 'plan-meta' }, sentence(limits.join(' · ').replace(/^./, (c) => c.toUpperCase()))) : null);

  const notes = Array.isArray(plan.notes) ? plan.notes.filter((note) => typeof note === 'string' && note.trim()) : [];
  if (!purchases.length && !notes.length) notes.push('Nothing to buy: the service did not say why.');
  fill(ui.planNotes, notes.map((note) => h('li', {}, note)));
  ui.planNotes.hidden = !notes.length;

  ui.planTableWrap.hidden = !purchases.length;
  ui.planCharts.hidden = !purchases.length;
  if (!purchases.length) return;
  fill(ui.planTable.tBodies[0], purchases.map((purchase) => h('tr', { dataset: { symbol: purchase.symbol ?? '' } },
    h('th', { scope: 'row', class: 'symbol' }, purchase.symbol ?? '—'),
    h('td', { class: 'name' }, purchase.name ?? ''),
    h('td', { class: 'type' }, purchase.type ?? ''),
    h('td', { class: 'num amount' }, money(purchase.amount, currency)),
    h('td', { class: 'score-col' }, scoreBadge(purchase.score, purchase.reading),
      READINGS[purchase.reading] ? [' ', readingBadge(purchase.reading)] : null),
    h('td', { class: 'fills' }, fillChips(purchase.fills)),
    h('td', { class: 'why' }, purchase.why ?? ''))));
  const total = purchases.reduce((sum, purchase) => sum + (Number.isFinite(purchase.amount) ? purchase.amount : 0), 0);
  fill(ui.planTable.tFoot, h('tr', {},
    h('th', { scope: 'row', colspan: '3' }, 'Total'),
    h('td', { class: 'num' }, money(total, currency)),
    h('td', { colspan: '3' })));

  const dimensionOf = plan.dimension_of ?? report.impact?.dimension_of ?? {};
  renderExposureChart(ui.planSectors, DIMENSIONS.sector, planRows(plan, dimensionOf, 'sector'), { compare: true });
  renderExposureChart(ui.planRegions, DIMENSIONS.region, planRows(plan, dimensionOf, 'region'), { compare: true });
}

const FILL_CHIPS_SHOWN = 4; // a fund moves many buckets a little: the main ones as chips, the rest folded into "+N more"

/** What one purchase fills, largest first, as chips: "+4.0 Healthcare". */
function fillChips(fills) {
  const list = Object.entries(fills && typeof fills === 'object' ? fills : {})
    .filter(([, moved]) => Number.isFinite(moved) && Math.abs(moved) >= 0.05)
    .sort((a, b) => b[1] - a[1]);
  if (!list.length) return h('span', { class: 'muted' }, '—');
  const chip = ([bucket, moved]) => `${signed(moved)} ${bucket}`;
  const shown = list.length > FILL_CHIPS_SHOWN + 1 ? list.slice(0, FILL_CHIPS_SHOWN) : list;
  const rest = list.slice(shown.length);
  return h('ul', { class: 'fill-chips' },
    shown.map(([bucket, moved]) => h('li', { class: moved < 0 ? 'down' : null, dataset: { bucket } }, chip([bucket, moved]))),
    rest.length ? h('li', { class: 'more', title: rest.map(chip).join(', ') },
      `+${integer(rest.length)} more`, h('span', { class: 'visually-hidden' }, `: ${rest.map(chip).join(', ')}`)) : null);
}

/** One dimension of the plan as the exposure chart's rows: after as the bar, before beside it, against its range. */
function planRows(plan, dimensionOf, dimension) {
  const before = plan.before ?? {};
  const after = plan.after ?? {};
  const ranges = plan.ranges ?? {};
  return [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((bucket) => dimensionOf[bucket] === dimension)
    .map((bucket) => {
      const range = Array.isArray(ranges[bucket]) && ranges[bucket].length === 2 ? ranges[bucket] : [null, null];
      return { bucket, before_pct: before[bucket] ?? 0, pct: after[bucket] ?? 0, min_pct: range[0], max_pct: range[1] };
    })
    .filter((row) => row.before_pct || row.pct || row.min_pct != null);
}

// ----- exposure

const UNCLASSIFIED = 'Unclassified';

/** Where a bucket stands against its target range; Unclassified and asset classes have none. */
const STANDINGS = {
  below: 'below its range', inside: 'inside its range', above: 'above its range', none: 'no target range',
};

function standing(row) {
  if (row.min_pct == null || row.max_pct == null) return 'none';
  if (row.pct < row.min_pct) return 'below';
  if (row.pct > row.max_pct) return 'above';
  return 'inside';
}

/** The rows of one exposure list that can be drawn: a bucket name each, pct 0 when absent. */
function exposureRows(list) {
  if (!Array.isArray(list)) return [];
  return list.filter((row) => row && typeof row.bucket === 'string')
    .map((row) => ({ ...row, pct: Number.isFinite(row.pct) ? row.pct : 0 }));
}

const bucketClass = (bucket) => bucket.toLowerCase().replace(/[^a-z]+/g, '-');
/** A range bound: whole points without decimals, as the taxonomy writes them. */
const digitsOf = (value) => (value % 1 ? 1 : 0);
const rangeText = (row) => `${fixed(row.min_pct, digitsOf(row.min_pct))}–${fixed(row.max_pct, digitsOf(row.max_pct))}`;

function renderExposure(report) {
  const exposure = report.exposure;
  ui.exposureSection.hidden = !exposure || typeof exposure !== 'object';
  if (ui.exposureSection.hidden) return;
  const classes = exposureRows(exposure.asset_classes);
  fill(ui.assetClasses,
    h('p', { class: 'asset-line' },
      h('span', { class: 'equity-value' }, 'Equity value ', h('strong', {}, money(exposure.equity_value, report.base_currency))),
      classes.length ? h('span', { class: 'asset-list' },
        h('span', { class: 'muted' }, 'Whole portfolio: '),
        classes.map((row, i) => [i ? h('span', { class: 'sep', 'aria-hidden': 'true' }, ' · ') : null,
          h('span', { class: 'asset-class', dataset: { bucket: row.bucket } },
            h('span', { class: `swatch asset-${bucketClass(row.bucket)}`, 'aria-hidden': 'true' }),
            `${row.bucket} ${percent(row.pct)}`)])) : null),
    classes.length ? h('div', { class: 'asset-bar', 'aria-hidden': 'true' }, classes.map((row) =>
      h('span', { class: `asset-${bucketClass(row.bucket)}`, style: `width: ${Math.max(0, Math.min(100, row.pct)).toFixed(2)}%` })))
      : null);
  renderExposureChart(ui.sectorExposure, DIMENSIONS.sector, exposure.sectors);
  renderExposureChart(ui.regionExposure, DIMENSIONS.region, exposure.regions);
}

/**
 * One dimension as bullet bars on a shared axis: the bar is now, the band the target range, the line
 * the target. With `compare` (the buy plan) each row also has a `before_pct`: the bar is after, the
 * thin grey bar above it before. The bars are for the eye (aria-hidden); a visually hidden table
 * carries the same numbers.
 */
function renderExposureChart(figure, dimension, list, { compare = false } = {}) {
  const body = figure.querySelector('.exposure-body');
  const rows = exposureRows(list).map((row) => (compare
    ? { ...row, before_pct: Number.isFinite(row.before_pct) ? row.before_pct : 0 } : row));
  if (!rows.length) {
    delete figure.dataset.scale;
    fill(body, h('p', { class: 'muted' }, `No ${dimension.many.toLowerCase()} in this answer.`));
    return;
  }
  const highest = Math.max(10, ...rows.map((row) => Math.max(row.pct, row.max_pct ?? 0, row.before_pct ?? 0)));
  const step = highest > 50 ? 20 : 10;
  const scale = Math.min(100, Math.ceil(highest / step) * step);
  figure.dataset.scale = String(scale);
  const share = (value) => Math.min(100, Math.max(0, (value / scale) * 100));
  const at = (value) => `${share(value).toFixed(3)}%`;

  const bars = h('div', { class: 'exposure-rows', 'aria-hidden': 'true' },
    rows.map((row) => {
      const where = standing(row);
      return h('div', {
        class: `exposure-row standing-${where}${row.bucket === UNCLASSIFIED ? ' unclassified' : ''}`,
        dataset: { bucket: row.bucket },
      },
      h('span', { class: 'exposure-label' }, row.bucket),
      h('span', { class: 'exposure-track', style: `background-size: ${((step / scale) * 100).toFixed(3)}% 100%` },
        where !== 'none' ? h('span', { class: 'band',
          style: `left: ${at(row.min_pct)}; width: ${(share(row.max_pct) - share(row.min_pct)).toFixed(3)}%` }) : null,
        compare && row.before_pct > 0 ? h('span', { class: 'before-bar', style: `width: ${at(row.before_pct)}` }) : null,
        row.pct > 0 ? h('span', { class: 'bar', style: `width: ${at(row.pct)}` }) : null,
        row.target_pct != null ? h('span', { class: 'target', style: `left: ${at(row.target_pct)}` }) : null),
      h('span', { class: 'exposure-value' },
        compare ? h('span', { class: 'exposure-before' }, `${fixed(row.before_pct, 1)} →`) : null,
        h('strong', {}, percent(row.pct)),
        h('span', { class: 'exposure-range' }, where === 'none' ? 'no target' : rangeText(row))));
    }),
    h('div', { class: 'exposure-axis' },
      h('span', { class: 'axis-ticks' }, Array.from({ length: scale / step + 1 }, (_, i) =>
        h('span', { style: `left: ${at(i * step)}` }, percent(i * step, 0))))));

  // in a hidden box: a table's own width does not shrink to the 1px of .visually-hidden
  const rangeCell = (row) => h('td', {}, standing(row) === 'none' ? '—'
    : `${percent(row.min_pct, digitsOf(row.min_pct))} to ${percent(row.max_pct, digitsOf(row.max_pct))}`);
  const table = h('div', { class: 'visually-hidden' }, h('table', {},
    h('caption', {}, compare
      ? `${dimension.many}, % of the equity value: before and after the plan, against the target range`
      : `${dimension.many}, % of the equity value: now against the target range`),
    h('thead', {}, h('tr', {}, (compare
      ? [dimension.one, 'Before', 'After', 'Target range', 'Standing after']
      : [dimension.one, 'Now', 'Target range', 'Target', 'Standing'])
      .map((title) => h('th', { scope: 'col' }, title)))),
    h('tbody', {}, rows.map((row) => h('tr', { dataset: { bucket: row.bucket } },
      h('th', { scope: 'row' }, row.bucket),
      compare ? h('td', {}, percent(row.before_pct)) : null,
      h('td', {}, percent(row.pct)),
      rangeCell(row),
      compare ? null : h('td', {}, row.target_pct == null ? '—' : percent(row.target_pct)),
      h('td', {}, STANDINGS[standing(row)]))))));

  // the exposure says it once; the plan's charts need not repeat it
  const unclassified = !compare && rows.find((row) => row.bucket === UNCLASSIFIED && row.pct > 0);
  fill(body, bars, table, unclassified ? h('p', { class: 'exposure-note' },
    `${percent(unclassified.pct)} of the equity has no ${dimension.one.toLowerCase()}: counted in the total, `
    + 'never spread over the others. The holdings below say which and why.') : null);
}

/** The currency of the figures, and when the scan asked for another one, that the file's own won. */
function valuesIn(currency, requested) {
  if (!requested || !currency || requested === currency) return `values in ${currency}`;
  return `values in ${currency}, the file's currency (${requested} is used only for a file that names none)`;
}

/** Positions whose value could not be converted: in no figure at all, so said before any figure. */
function unconvertedNotice(report) {
  const unconverted = Array.isArray(report.unconverted) ? report.unconverted.filter(Boolean) : [];
  if (!unconverted.length) return null;
  return h('div', { class: 'notice notice-danger', id: 'unconverted', role: 'note', 'aria-labelledby': 'unconverted-title' },
    h('h3', { id: 'unconverted-title' }, unconverted.length === 1
      ? `1 position left out: it could not be converted to ${report.base_currency}`
      : `${integer(unconverted.length)} positions left out: they could not be converted to ${report.base_currency}`),
    h('p', {}, 'Left out of every figure on this page: the total value, the exposure, the gaps, the trims and the impact.'),
    h('ul', {}, unconverted.map((item) => h('li', { dataset: { symbol: item.symbol ?? '' } },
      h('strong', {}, item.symbol ?? '?'), ` (${item.currency ?? 'no currency'})`,
      item.reason ? `: ${item.reason}` : null))));
}

function renderGaps(report) {
  const currency = report.base_currency;
  const gaps = report.gaps ?? [];
  // top gaps first, each group in the report's order
  const ordered = [...gaps.filter((gap) => gap.top), ...gaps.filter((gap) => !gap.top)];
  if (!ordered.length) {
    fill(ui.gaps, h('li', { class: 'muted' }, 'No sector or region is below its target by the minimum gap or more.'));
    return;
  }
  fill(ui.gaps, ...ordered.map((gap) => {
    const scale = Math.max(gap.max_pct ?? 0, gap.target_pct ?? 0, gap.current_pct ?? 0) || 1;
    const width = (value) => `${Math.min(100, Math.max(0, (value / scale) * 100)).toFixed(1)}%`;
    const dimension = DIMENSIONS[gap.dimension];
    return h('li', { class: `gap-card${gap.top ? ' top' : ''}`, dataset: { sector: gap.sector, dimension: gap.dimension } },
      h('header', {},
        h('div', { class: 'gap-title' },
          dimension ? h('span', { class: `dimension-tag dimension-${gap.dimension}` }, dimension.one) : null,
          h('h3', {}, gap.sector)),
        h('div', { class: 'badges' },
          gap.top ? h('span', { class: 'badge badge-top' }, 'Top gap') : null,
          gap.stale ? staleBadge() : null,
          gap.partial ? partialBadge() : null)),
      h('div', { class: 'gap-line' },
        h('span', { class: 'gap-move' },
          percent(gap.current_pct), h('span', { 'aria-hidden': 'true' }, ' → '),
          h('span', { class: 'visually-hidden' }, ' now, target '), percent(gap.target_pct)),
        h('span', { class: 'gap-points' }, `gap ${fixed(gap.gap_pct, 1)} pts`)),
      h('div', { class: 'gap-meter', 'aria-hidden': 'true' },
        h('span', { class: 'now', style: `width: ${width(gap.current_pct)}` }),
        h('span', { class: 'target', style: `left: ${width(gap.target_pct)}` })),
      h('div', { class: 'gap-meta' },
        h('span', {}, 'ETF ', h('strong', {}, gap.etf ?? '—')),
        h('span', {}, 'Score ', scoreBadge(gap.score, gap.reading), gap.reading ? [' ', readingBadge(gap.reading)] : null)),
      gap.no_candidate_worth_buying ? h('p', { class: 'gap-nothing' }, nothingWorthBuying(gap.best_candidate))
        : gap.top ? h('div', { class: 'gap-meta' },
          h('span', {}, 'Capital'), h('strong', {}, money(gap.capital_needed, currency))) : null);
  }));
}

/** Why a top gap buys nothing: none of its candidates scores the minimum to buy. */
function nothingWorthBuying(best) {
  if (!best) return 'Nothing worth buying: no candidate could be scored.';
  return `Nothing worth buying: best ${best.symbol} ${score(best.score)} (${READINGS[best.reading]?.words ?? 'no reading'}).`;
}

// ----- opportunities table

const TEXT_COLUMNS = new Set(['symbol', 'name', 'sector', 'type']);

/** The value a column sorts by: its field, or for the action its reading's rank (strong buy highest). */
const sortValue = (row, key) => (key === 'action' ? READINGS[row.action]?.rank : row[key]);

/** Two rows ({row, index}) by their values x and y of one column; ties keep the report's order. */
function compareRows(a, b, x, y, { text, direction }) {
  // missing values sit at the bottom whichever way the column is sorted
  if (x == null && y == null) return a.index - b.index;
  if (x == null) return 1;
  if (y == null) return -1;
  let order;
  if (text) order = String(x).localeCompare(String(y), undefined, { sensitivity: 'base' });
  else order = Number(x) - Number(y);
  if (order === 0) return a.index - b.index;
  return direction === 'ascending' ? order : -order;
}

function compareOpportunities(a, b, key, direction) {
  return compareRows(a, b, sortValue(a.row, key), sortValue(b.row, key), { text: TEXT_COLUMNS.has(key), direction });
}

/** A click on a column's header: the same column turns round, another starts ascending. */
const nextSort = (sort, key) => (sort.key === key
  ? { key, direction: sort.direction === 'ascending' ? 'descending' : 'ascending' }
  : { key, direction: 'ascending' });

/** aria-sort on the header of the sorted column (its arrow follows in CSS), none on the others. */
function markSorted(table, { key, direction }) {
  for (const th of table.tHead.rows[0].cells) {
    const button = th.querySelector('button[data-sort]');
    if (button?.dataset.sort === key) th.setAttribute('aria-sort', direction);
    else th.removeAttribute('aria-sort');
  }
}

function renderOpportunities(report) {
  const currency = report.base_currency;
  const tbody = ui.opportunitiesTable.tBodies[0];
  const rows = (report.opportunities ?? []).map((row, index) => ({ row, index }));
  const { key, direction } = state.sort;
  rows.sort((a, b) => compareOpportunities(a, b, key, direction));
  markSorted(ui.opportunitiesTable, state.sort);

  if (!rows.length) {
    fill(tbody, h('tr', {}, h('td', { colspan: '13', class: 'muted' }, 'No opportunities: there is no top gap to fill.')));
    ui.sectorScoreNote.hidden = true;
    return;
  }

  const columns = 13;
  fill(tbody, ...rows.flatMap(({ row, index }) => {
    const rationaleId = `rationale-${index}`;
    const open = state.openRationales.has(index);
    const toggle = h('button', {
      type: 'button', class: 'row-toggle', 'aria-expanded': String(open), 'aria-controls': rationaleId,
      title: 'Show why',
    }, row.symbol);
    toggle.addEventListener('click', () => toggleRationale(index, toggle));
    const pillar = (value) => h('td', { class: 'num' }, score(value));
    return [
      h('tr', { class: open ? 'is-open' : null, dataset: { symbol: row.symbol } },
        h('th', { scope: 'row' }, toggle, row.stale ? [' ', staleBadge()] : null,
          row.partial ? [' ', partialBadge()] : null),
        h('td', { class: 'name' }, row.name ?? ''),
        h('td', {}, row.sector ?? ''),
        h('td', {}, row.type ?? ''),
        h('td', { class: 'num' }, scoreCell(row.score, row.action, { fromSector: row.score_source === 'sector' })),
        h('td', {}, readingBadge(row.action)),
        pillar(row.momentum_score),
        row.partial ? h('td', { class: 'num', title: PARTIAL_NOTE }, score(null)) : pillar(row.value_score),
        pillar(row.diversification_score),
        h('td', { class: 'num' }, ratioAsPercent(row.confidence)),
        h('td', { class: 'num' }, row.correlation_to_portfolio == null ? '—' : fixed(row.correlation_to_portfolio, 2)),
        h('td', { class: 'num' }, money(row.capital_needed, currency)),
        h('td', {}, row.held ? h('span', { class: 'badge badge-held' }, 'Held') : h('span', { class: 'muted' }, 'No'))),
      h('tr', { class: 'rationale-row', id: rationaleId, hidden: !open },
        h('td', { colspan: String(columns) }, h('div', { class: 'rationale' }, row.rationale ?? 'No rationale given.'))),
    ];
  }));
  ui.sectorScoreNote.hidden = !rows.some(({ row }) => row.score_source === 'sector');
}

function toggleRationale(index, button) {
  const open = !state.openRationales.has(index);
  if (open) state.openRationales.add(index);
  else state.openRationales.delete(index);
  button.setAttribute('aria-expanded', String(open));
  button.closest('tr').classList.toggle('is-open', open);
  document.getElementById(`rationale-${index}`).hidden = !open;
}

function setUpSorting() {
  const sortable = [
    { table: ui.opportunitiesTable, sort: 'sort', render: renderOpportunities },
    { table: ui.holdingsTable, sort: 'holdingsSort', render: renderHoldings },
  ];
  for (const { table, sort, render } of sortable) {
    table.tHead.addEventListener('click', (event) => {
      const button = event.target.closest('button[data-sort]');
      if (!button) return;
      state[sort] = nextSort(state[sort], button.dataset.sort);
      if (state.report) render(state.report);
      else markSorted(table, state[sort]);
      announce(`Sorted by ${button.textContent.trim()}, ${state[sort].direction}.`);
    });
  }
}

// ----- trims

function renderTrims(report) {
  const currency = report.base_currency;
  const sales = report.suggested_sales ?? [];
  const tbody = ui.trimsTable.tBodies[0];
  const tfoot = ui.trimsTable.tFoot;
  if (!sales.length) {
    fill(tbody, h('tr', {}, h('td', { colspan: '7', class: 'muted' },
      (report.gaps ?? []).some((gap) => gap.top) ? 'No position qualifies for a trim.' : 'No trims needed: there is no top gap to fund.')));
    fill(tfoot);
  } else {
    fill(tbody, ...sales.map((sale) => h('tr', {},
      h('th', { scope: 'row' }, sale.symbol),
      h('td', { class: 'name' }, sale.name ?? ''),
      h('td', { class: 'num' }, money(sale.current_value, currency)),
      h('td', { class: 'num' }, percent(sale.sale_pct, 0)),
      h('td', { class: 'num' }, money(sale.sale_value, currency)),
      h('td', { class: 'num' }, score(sale.sale_score)),
      h('td', { class: 'why' },
        sale.stop_loss_safe === false ? [h('span', {
          class: 'badge badge-risk',
          title: 'Between 5 % and 10 % below its entry price, near a stop-loss: selling now locks in the loss',
        }, 'not stop-loss safe'), ' '] : null,
        sale.rationale ?? ''))));
    const total = sales.reduce((sum, sale) => sum + (sale.sale_value ?? 0), 0);
    fill(tfoot, h('tr', {},
      h('th', { scope: 'row', colspan: '4' }, 'Total freed'),
      h('td', { class: 'num' }, money(report.summary?.capital_freed ?? total, currency)),
      h('td', { colspan: '2' })));
  }

  const excluded = report.excluded_positions ?? [];
  fill(ui.excluded, ...(excluded.length
    ? excluded.map((item) => h('li', { dataset: { symbol: item.symbol } },
      h('span', { class: 'sym' }, item.symbol), h('span', {}, item.guard)))
    : [h('li', { class: 'muted' }, 'No position was kept out.')]));
}

// ----- impact

function renderImpact(report) {
  const currency = report.base_currency;
  const impact = report.impact ?? {};
  const before = impact.before ?? {};
  const after = impact.after ?? {};
  const groups = impactGroups([...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((bucket) => (before[bucket] ?? 0) !== 0 || (after[bucket] ?? 0) !== 0), impact.dimension_of);
  const buckets = groups.flatMap((group) => group.buckets);
  const ofEquity = groups.some((group) => group.dimension);

  // risk
  if (impact.risk_before == null || impact.risk_after == null) {
    fill(ui.risk,
      h('span', { class: 'label' }, 'Risk (annualized volatility)'),
      h('span', { class: 'value' }, percent(impact.risk_before), ' → ', percent(impact.risk_after)),
      h('span', { class: 'note' }, 'Not enough price history to measure both.'));
  } else {
    const change = impact.risk_after - impact.risk_before;
    fill(ui.risk,
      h('span', { class: 'label' }, 'Risk (annualized volatility)'),
      h('span', { class: 'value' }, percent(impact.risk_before), h('span', { 'aria-hidden': 'true' }, ' → '),
        h('span', { class: 'visually-hidden' }, ' before, after: '), percent(impact.risk_after)),
      Math.abs(change) >= 0.05
        ? h('span', { class: `delta ${change < 0 ? 'down' : 'up'}` }, points(change)) : null);
  }

  const net = impact.net_change ?? 0;
  const figure = (label, value) => h('div', { class: 'figure' },
    h('span', { class: 'label' }, label), h('span', { class: 'value' }, value));
  fill(ui.capitalFlow,
    figure('Freed by trims', money(impact.total_freed, currency)),
    figure('Invested in the gaps', money(impact.total_invested, currency)),
    figure(net >= 0 ? 'Net new cash' : 'Cash left over', money(Math.abs(net), currency)));

  // the two dimensions (EXPOSURE.md) are % of the equity; an older report's one list was % of the portfolio
  ui.chartCaption.textContent = ofEquity
    ? 'Allocation before and after (% of equity): sectors, then regions' : 'Allocation before and after (% of the portfolio)';
  ui.allocationCaption.textContent = ofEquity ? 'Allocation, % of equity' : 'Allocation, % of the portfolio';
  ui.allocationBucketHeader.textContent = ofEquity ? 'Sector or region' : 'Sector';
  ui.driftHint.textContent = `Points above (+) or below (−) each ${ofEquity ? 'sector’s or region’s' : 'sector’s'} target range.`;

  // allocation table: the chart's numbers, readable by everyone, one row group per dimension
  for (const body of [...ui.allocationTable.tBodies]) body.remove();
  ui.allocationTable.append(...(buckets.length ? groups.map((group) => h('tbody', { dataset: { dimension: group.dimension } },
    group.title ? h('tr', { class: 'group-row' }, h('th', { scope: 'rowgroup', colspan: '4' }, group.title)) : null,
    group.buckets.map((bucket) => {
      const change = (after[bucket] ?? 0) - (before[bucket] ?? 0);
      return h('tr', { dataset: { bucket } },
        h('th', { scope: 'row' }, bucket),
        h('td', { class: 'num' }, percent(before[bucket] ?? 0)),
        h('td', { class: 'num' }, percent(after[bucket] ?? 0)),
        h('td', { class: 'num' },
          Math.abs(change) < 0.005 ? '—' : signed(change)));
    })))
    : [h('tbody', {}, h('tr', {}, h('td', { colspan: '4', class: 'muted' }, 'No allocation to show.')))]));

  // where each group after the first starts, for the chart's dividers
  const starts = groups.slice(1).map((_, i) => groups.slice(0, i + 1).reduce((sum, group) => sum + group.buckets.length, 0));
  renderChart(buckets, before, after, starts);

  const driftOf = impact.remaining_drift ?? {};
  const drift = impactGroups(Object.keys(driftOf).filter((bucket) => driftOf[bucket] !== 0 && driftOf[bucket] != null),
    impact.dimension_of).flatMap((group) => group.buckets);
  fill(ui.drift, ...(drift.length
    ? drift.map((bucket) => h('li', { dataset: { sector: bucket } },
      `${bucket} `, h('span', { class: driftOf[bucket] > 0 ? 'over' : 'under' }, points(driftOf[bucket]))))
    : [h('li', {}, ofEquity ? 'Every sector and region ends inside its target range.' : 'Every sector ends inside its target range.')]));
}

/**
 * The impact's buckets by dimension: sectors, then regions, then any the report gave none, each in
 * the report's order. An older report without impact.dimension_of is one group without a title.
 */
function impactGroups(buckets, dimensionOf) {
  if (!dimensionOf || typeof dimensionOf !== 'object') return [{ dimension: null, title: null, buckets }];
  return [
    ...Object.entries(DIMENSIONS).map(([dimension, words]) => ({
      dimension, title: words.many, buckets: buckets.filter((bucket) => dimensionOf[bucket] === dimension),
    })),
    { dimension: null, title: 'Other', buckets: buckets.filter((bucket) => !DIMENSIONS[dimensionOf[bucket]]) },
  ].filter((group) => group.buckets.length);
}

/** Long sector names go on two lines so that narrow screens keep the bars readable. */
function chartLabel(bucket) {
  if (bucket.length <= 14 || !bucket.includes(' ')) return bucket;
  const middle = bucket.length / 2;
  const spaces = [...bucket.matchAll(/ /g)].map((match) => match.index);
  const cut = spaces.reduce((best, index) => (Math.abs(index - middle) < Math.abs(best - middle) ? index : best));
  return [bucket.slice(0, cut), bucket.slice(cut + 1)];
}

/** A dashed line between the chart's groups of bars (sectors | regions), before each of state.chartGroupStarts. */
const GROUP_DIVIDER = {
  id: 'groupDivider',
  afterDatasetsDraw(chart) {
    const starts = state.chartGroupStarts;
    const axis = chart.scales.y;
    if (!axis || !starts.length) return;
    const { ctx, chartArea } = chart;
    ctx.save();
    ctx.strokeStyle = '#8a96a5';
    ctx.lineWidth = 1;
    ctx.setLineDash([4, 3]);
    for (const start of starts) {
      const y = Math.round((axis.getPixelForValue(start - 1) + axis.getPixelForValue(start)) / 2) + 0.5;
      ctx.beginPath();
      ctx.moveTo(0, y);
      ctx.lineTo(chartArea.right, y);
      ctx.stroke();
    }
    ctx.restore();
  },
};

function renderChart(buckets, before, after, groupStarts = []) {
  state.chartGroupStarts = groupStarts;
  if (typeof window.Chart === 'undefined') {
    fill(ui.chartHolder, h('p', { class: 'chart-unavailable' },
      'The chart could not be loaded; the table has the same numbers.'));
    return;
  }
  ui.chartHolder.style.height = `${Math.max(160, buckets.length * 44 + 56)}px`;
  const data = {
    labels: buckets.map(chartLabel),
    datasets: [
      { label: 'Before', data: buckets.map((b) => before[b] ?? 0), backgroundColor: '#a9b6c4', borderRadius: 3 },
      { label: 'After', data: buckets.map((b) => after[b] ?? 0), backgroundColor: '#1d5fbf', borderRadius: 3 },
    ],
  };
  if (state.chart) {
    state.chart.data = data;
    state.chart.update();
    return;
  }
  const { Chart } = window;
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.color = '#5a6573';
  state.chart = new Chart(ui.chartCanvas, {
    type: 'bar',
    data,
    plugins: [GROUP_DIVIDER],
    options: {
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      animation: window.matchMedia('(prefers-reduced-motion: reduce)').matches ? false : { duration: 300 },
      datasets: { bar: { barPercentage: 0.85, categoryPercentage: 0.75 } },
      scales: {
        x: { beginAtZero: true, grid: { color: '#e8ecf0' }, ticks: { callback: (value) => percent(value, 0) } },
        y: { grid: { display: false }, ticks: { color: '#1b2430' } },
      },
      plugins: {
        legend: { position: 'top', align: 'end', labels: { boxWidth: 12, boxHeight: 12 } },
        tooltip: {
          callbacks: {
            title: (items) => [].concat(items[0]?.label ?? '').join(' '),
            label: (item) => `${item.dataset.label}: ${percent(item.parsed.x)}`,
          },
        },
      },
    },
  });
}

// ----- holdings

/** EXPOSURE.md 2's sources of a holding's weights, in words. */
const SOURCES = {
  file: 'your file',
  provider_fund: 'fund breakdown',
  known_fund: 'known-fund table',
  fund_category: 'fund category',
  universe: 'candidate universe',
  profile: 'company profile',
  isin: 'ISIN',
  listing: 'listing exchange',
  unclassified: 'unclassified',
};
const sourceWords = (source) => (source == null || source === '' ? null : SOURCES[source] ?? String(source));

/** A holding's weights in one dimension (fractions), largest first. */
function weights(map) {
  if (!map || typeof map !== 'object') return [];
  return Object.entries(map).filter(([, weight]) => Number.isFinite(weight) && weight > 0)
    .sort((a, b) => b[1] - a[1]);
}

const bucketText = (bucket, suffix = '') => (bucket === UNCLASSIFIED
  ? h('span', { class: 'unclassified-text' }, `${bucket}${suffix}`) : `${bucket}${suffix}`);

/** "Technology 31%, Healthcare 11%, Financials 9%, +8 more"; a single whole bucket by its name alone. */
function weightsText(map, shown = 3) {
  const list = weights(map);
  if (!list.length) return h('span', { class: 'muted' }, '—');
  if (list.length === 1 && list[0][1] >= 0.995) return bucketText(list[0][0]);
  return [
    list.slice(0, shown).map(([bucket, weight], i) => [i ? ', ' : null, bucketText(bucket, ` ${percent(weight * 100, 0)}`)]),
    list.length > shown ? h('span', { class: 'muted' }, `, +${integer(list.length - shown)} more`) : null,
  ];
}

/** The asset classes of a holding that is not all equity ("Commodities", "Equity 60%, Fixed Income 40%"). */
function assetClassText(map) {
  const list = weights(map);
  if (!list.length || (list.length === 1 && list[0][0] === 'Equity')) return null;
  if (list.length === 1) return list[0][0];
  return list.map(([bucket, weight]) => `${bucket} ${percent(weight * 100, 0)}`).join(', ');
}

const rate = (value) => numberFormat({ maximumSignificantDigits: 4 }).format(value);

const HOLDING_TEXT_COLUMNS = new Set(['symbol', 'name', 'currency', 'sectors', 'regions', 'source']);

function holdingSortValue(holding, key) {
  switch (key) {
    case 'sectors': return weights(holding.sectors)[0]?.[0];
    case 'regions': return weights(holding.regions)[0]?.[0];
    case 'source': return sourceWords(holding.sector_source) ?? sourceWords(holding.region_source);
    default: return holding[key];
  }
}

function renderHoldings(report) {
  const holdings = Array.isArray(report.holdings) ? report.holdings.filter(Boolean) : null;
  ui.holdingsSection.hidden = holdings == null;
  if (holdings == null) return;
  const base = report.base_currency;
  const { key, direction } = state.holdingsSort;
  const rows = holdings.map((row, index) => ({ row, index }));
  rows.sort((a, b) => compareRows(a, b, holdingSortValue(a.row, key), holdingSortValue(b.row, key),
    { text: HOLDING_TEXT_COLUMNS.has(key), direction }));
  markSorted(ui.holdingsTable, state.holdingsSort);

  const tbody = ui.holdingsTable.tBodies[0];
  if (!rows.length) {
    fill(tbody, h('tr', {}, h('td', { colspan: '7', class: 'muted' }, 'No holding could be valued.')));
    return;
  }
  const sourceLine = (label, source) => (sourceWords(source) == null ? null
    : h('span', { class: `source-line${source === 'unclassified' ? ' unclassified-text' : ''}` },
      h('span', { class: 'source-dim' }, `${label}: `), sourceWords(source)));
  fill(tbody, ...rows.map(({ row }) => {
    const classes = assetClassText(row.asset_classes);
    const converted = Number.isFinite(row.fx_rate) && Math.abs(row.fx_rate - 1) > 1e-9;
    const sources = [sourceLine('Sectors', row.sector_source), sourceLine('Regions', row.region_source)].filter(Boolean);
    return h('tr', { dataset: { symbol: row.symbol ?? '' } },
      h('th', { scope: 'row', class: 'symbol' }, row.symbol ?? '—'),
      h('td', { class: 'name' }, row.name ?? '', classes ? h('span', { class: 'sub' }, classes) : null),
      h('td', { class: 'num value' }, money(row.value, base)),
      h('td', { class: 'currency' }, row.currency ?? '—',
        converted ? h('span', { class: 'sub' }, `1 ${row.currency ?? '?'} = ${rate(row.fx_rate)} ${base}`) : null),
      h('td', { class: 'weights sectors', dataset: { label: 'Sectors' } }, weightsText(row.sectors)),
      h('td', { class: 'weights regions', dataset: { label: 'Regions' } }, weightsText(row.regions)),
      h('td', { class: 'source' }, sources.length ? sources : h('span', { class: 'muted' }, '—')));
  }));
}

// ---------------------------------------------------------------- cache panel

async function refreshCacheStats({ quiet = false } = {}) {
  const token = ui.adminToken.value.trim();
  if (token) sessionStorage.setItem(STORAGE_KEYS.adminToken, token);
  else sessionStorage.removeItem(STORAGE_KEYS.adminToken);

  state.cacheController?.abort();
  const controller = new AbortController();
  state.cacheController = controller;
  ui.cachePanel.setAttribute('aria-busy', 'true');
  ui.cacheRefresh.disabled = true;
  if (!quiet && !ui.cacheBody.hasChildNodes()) fill(ui.cacheBody, h('p', { class: 'cache-message' }, 'Loading…'));

  const headers = { Accept: 'application/json, application/problem+json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  try {
    const response = await fetch(CACHE_STATS_URL, { headers, signal: controller.signal });
    if (response.status === 401 || response.status === 403) {
      state.cacheLoaded = false;
      const problem = await readProblem(response);
      let message;
      if (!token) message = 'The cache statistics need the admin token: enter it below and press Refresh.';
      else if (response.status === 403) message = `This token may not read the cache statistics${problem.detail ? `: ${sentence(problem.detail)}` : '.'} Enter the admin token and press Refresh.`;
      else message = 'The admin token was not accepted: check it and press Refresh.';
      fill(ui.cacheBody, h('p', { class: 'cache-message needs-token' }, message));
      return;
    }
    if (!response.ok) {
      const problem = await readProblem(response);
      fill(ui.cacheBody, h('p', { class: 'cache-message' },
        `Cache statistics are unavailable right now: ${problem.detail ? sentence(problem.detail) : `the service answered ${response.status}.`}`));
      return;
    }
    renderCacheStats(await response.json());
    state.cacheLoaded = true;
  } catch (error) {
    if (error.name === 'AbortError') return;
    fill(ui.cacheBody, h('p', { class: 'cache-message' },
      'Cache statistics are unavailable: the service could not be reached.'));
  } finally {
    if (state.cacheController === controller) {
      ui.cachePanel.setAttribute('aria-busy', 'false');
      ui.cacheRefresh.disabled = false;
      state.cacheController = null;
    }
  }
}

function renderCacheStats(stats) {
  if (stats.enabled === false) {
    fill(ui.cacheBody, h('p', { class: 'cache-message' }, 'The score cache is turned off: every scan computes its scores.'));
    return;
  }
  const redis = stats.redis ?? {};
  const usesRedis = redis.backend && redis.backend !== 'none';
  const breaker = redis.breaker_state ?? '';
  // the server's words: a closed breaker before a server that does not answer is "not connected, N errors", not "in use"
  const redisStat = usesRedis
    ? stat('Redis', h('span', { class: redis.connected ? 'state-good' : 'state-bad' }, redis.connected ? 'Connected' : 'Not connected'),
      { sub: `breaker ${breaker}${redis.summary ? ` (${redis.summary})` : ''}` })
    : stat('Redis', 'Not used', { sub: 'in-process cache only' });
  // total_keys counts Redis when it could be counted, else this process: say which
  const keysWhere = stats.shared_keys != null ? 'in Redis'
    : usesRedis ? 'in this process (Redis not counted)' : 'in this process';

  const hits = stats.hits ?? 0;
  const misses = stats.misses ?? 0;
  const warmUp = stats.warm_up ?? {};
  const warmShare = warmUp.total > 0 ? Math.min(1, (warmUp.done ?? 0) / warmUp.total) : 0;
  const warmSub = [
    warmUp.total > 0 ? `${integer(warmUp.done ?? 0)} of ${integer(warmUp.total)} scores` : null,
    warmUp.finished_at ? `finished ${dateTime(warmUp.finished_at)}` : null,
  ].filter(Boolean).join(' · ');

  const figures = h('dl', { class: 'stat-grid' },
    stat('Backend', stats.backends ?? '—'),
    redisStat,
    stat('Hit rate', percent((stats.hit_rate ?? 0) * 100), { sub: `${integer(hits)} hits · ${integer(misses)} misses` }),
    stat('Keys', integer(stats.total_keys ?? 0), {
      sub: [keysWhere,
        stats.ttl_hours != null ? `fresh for ${fixed(stats.ttl_hours, stats.ttl_hours % 1 ? 1 : 0)} h` : null,
      ].filter(Boolean).join(' · '),
    }),
    h('div', { class: 'stat' },
      h('dt', {}, 'Warm-up'),
      h('dd', {}, warmUp.state ?? '—', warmSub ? h('span', { class: 'sub' }, warmSub) : null,
        warmUp.total > 0 ? h('div', {
          class: 'warm-meter', role: 'progressbar', 'aria-label': 'Warm-up progress',
          'aria-valuemin': '0', 'aria-valuemax': String(warmUp.total), 'aria-valuenow': String(warmUp.done ?? 0),
        }, h('span', { style: `width: ${(warmShare * 100).toFixed(1)}%` })) : null)));

  const samples = stats.sample_keys ?? [];
  const other = [
    `${integer(stats.stale_served ?? 0)} stale scores served`,
    usesRedis ? `${integer(stats.errors ?? 0)} Redis errors` : null,
    `${integer(stats.evictions ?? 0)} evictions`,
    stats.local_keys != null ? `${integer(stats.local_keys)} keys in this process` : null,
  ].filter(Boolean);
  fill(ui.cacheBody, figures, h('div', { class: 'cache-details' },
    h('div', {},
      h('h3', {}, 'Sample keys'),
      samples.length
        ? h('ul', { class: 'key-list' }, samples.map((key) => h('li', {}, h('code', {}, key))))
        : h('p', { class: 'muted' }, 'No keys yet.')),
    h('div', {},
      h('h3', {}, 'Since start'),
      h('p', {}, other.join(' · ')),
      usesRedis && redis.url ? h('p', {}, 'Redis at ', h('code', {}, redis.url)) : null,
      redis.last_error ? h('p', { class: 'state-bad' }, `Last Redis error: ${redis.last_error}`) : null)));
}

// ---------------------------------------------------------------- wiring

function restoreSecrets() {
  ui.apiKey.value = sessionStorage.getItem(STORAGE_KEYS.apiKey) ?? '';
  ui.adminToken.value = sessionStorage.getItem(STORAGE_KEYS.adminToken) ?? '';
  ui.apiKey.addEventListener('input', () => {
    const key = ui.apiKey.value.trim();
    if (key) sessionStorage.setItem(STORAGE_KEYS.apiKey, key);
    else sessionStorage.removeItem(STORAGE_KEYS.apiKey);
  });
}

function init() {
  restoreSecrets();
  setUpFileInput();
  setUpSorting();
  ui.asOf.max = new Date().toISOString().slice(0, 10);

  ui.form.addEventListener('submit', (event) => {
    event.preventDefault();
    scan({ reveal: true });
  });
  for (const radio of document.querySelectorAll('input[name=horizon]')) {
    radio.addEventListener('change', () => {
      if (!state.file || (!state.report && !state.scan)) return;
      clearTimeout(state.horizonTimer);
      state.horizonTimer = setTimeout(() => scan(), HORIZON_RERUN_DELAY_MS);
    });
  }
  ui.minGap.addEventListener('input', () => {
    if (ui.minGap.getAttribute('aria-invalid') === 'true') readMinGap();
  });
  // an edited plan field drops its message: the next Scan checks it again
  for (const input of Object.values(PLAN_FIELDS)) {
    input.addEventListener(input.type === 'checkbox' ? 'change' : 'input', () => {
      if (input.getAttribute('aria-invalid') === 'true') setFieldError(input, null);
    });
  }
  ui.baseCurrency.addEventListener('change', updateCashCurrency);
  ui.cacheForm.addEventListener('submit', (event) => {
    event.preventDefault();
    refreshCacheStats();
  });
  refreshCacheStats();
}

init();
