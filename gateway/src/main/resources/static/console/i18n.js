// Labels in English and French; the choice is kept in localStorage. Times are always shown in Europe/Paris.
const LABELS = {
  en: {
    'nav.overview': 'Overview', 'nav.series': 'Consumption', 'nav.upload': 'Upload', 'nav.drift': 'Drift',
    'nav.forecasts': 'Forecasts',
    'live.on': 'live', 'live.off': 'offline',
    'signin.title': 'Sign in', 'signin.help': 'Paste an access token (./energywatch token --role operator).',
    'signin.token': 'Token', 'signin.submit': 'Sign in', 'signin.out': 'Sign out',
    'signin.invalid': 'This token was refused', 'error': 'Error',
    'kpi.title': 'Key figures', 'kpi.consumption': 'Consumption', 'kpi.anomalies': 'Open anomalies',
    'kpi.forecast': 'Forecast error (MAPE)', 'kpi.drift': 'Drift', 'kpi.unavailable': 'unavailable',
    'kpi.carbon': 'Carbon of the runs', 'kpi.today': 'Consumption today vs forecast',
    'kpi.todayForecast': '{date}: forecast {forecast} MWh, actual {deviation} % vs forecast',
    'kpi.nextForecast': '{date}: forecast {forecast} MWh (80 %: {low} – {high})',
    'stats.title': 'Anomaly statistics', 'stats.total': 'Total', 'stats.precision': 'Precision',
    'feed.title': 'Live anomalies', 'feed.count': 'shown', 'banner.alert': 'New {severity} anomaly on {series}',
    'col.time': 'Time', 'col.series': 'Series', 'col.severity': 'Severity', 'col.type': 'Type',
    'col.score': 'Score', 'col.observed': 'Observed MW', 'col.expected': 'Expected MW', 'col.status': 'Status',
    'col.cost': 'Cost EUR', 'col.feature': 'Feature', 'col.value': 'Value', 'col.contribution': 'Contribution',
    'series.title': 'Consumption', 'series.pick': 'Series', 'series.window': 'Window', 'series.load': 'Show',
    'series.points': 'points', 'series.anomalies': 'anomalies', 'series.none': 'No series in the catalogue',
    'series.strike': 'strike days', 'series.holiday': 'public holidays', 'series.temperature': 'mean temperature',
    'series.horizon': 'Forecast horizon', 'series.actual': 'actual',
    'series.forecast': 'forecast ({horizon}-day horizon, day mean)', 'series.band80': '80 % band',
    'series.band95': '95 % band', 'series.forecastDays': '{days} forecast days',
    'series.noForecast': 'no forecast issued',
    'series.forecastFailed': 'forecast unavailable ({error})',
    'tip.realised': 'realised (day mean)', 'tip.inside80': 'inside the 80 % band',
    'tip.inside95': 'inside the 95 % band',
    'tip.outside': 'outside the 95 % band', 'tip.lead': 'D+{lead}',
    'anomaly.title': 'Anomaly', 'anomaly.expected': 'Expected range', 'anomaly.recommendation': 'Recommendation',
    'anomaly.cost': 'Cost impact', 'anomaly.contributions': 'Why', 'anomaly.history': 'The series around it',
    'anomaly.ack': 'Acknowledge', 'anomaly.confirm': 'Confirm', 'anomaly.fp': 'False positive',
    'anomaly.done': 'Saved: {status}',
    'upload.detect': 'Detect anomalies in a CSV (timestamp,value)', 'upload.detectSubmit': 'Detect',
    'upload.found': '{anomalies} anomalies in {rows} rows (detector {detector})', 'upload.ingest': 'Ingest a file',
    'upload.kind': 'Kind', 'upload.ingestSubmit': 'Upload', 'upload.job': 'Job {id}: {status}, {percent} %',
    'drift.title': 'Drift reports', 'drift.actions': 'Recommended actions', 'drift.none': 'No drift report',
    'forecasts.title': 'Forecasts', 'forecasts.horizon': 'Horizon (days)', 'forecasts.issued': 'Latest issued forecast',
    'forecasts.accuracy': 'Realised accuracy', 'forecasts.none': 'No forecast issued for this series',
    'forecasts.realised': 'Forecast beside the realised energy, last 30 days ({horizon}-day horizon)',
    'forecasts.forecast': 'forecast ({horizon}-day horizon)', 'forecasts.actual': 'realised',
    'forecasts.pending': 'not scored yet', 'col.lead': 'Lead', 'col.actual': 'Realised MWh', 'col.error': 'Error %',
    'col.inside': 'The realised value',
    'col.model': 'Model', 'col.created': 'Created', 'col.action': 'Action', 'col.target': 'Target',
    'col.reason': 'Reason', 'col.day': 'Day', 'col.energy': 'Energy MWh', 'col.band80': '80 % band',
    'col.band95': '95 % band', 'col.horizon': 'Horizon', 'col.count': 'Days', 'col.mape': 'MAPE %',
    'col.mae': 'MAE MWh', 'col.coverage95': '95 % coverage',
  },
  fr: {
    'nav.overview': 'Synthèse', 'nav.series': 'Consommation', 'nav.upload': 'Import', 'nav.drift': 'Dérive',
    'nav.forecasts': 'Prévisions',
    'live.on': 'en direct', 'live.off': 'hors ligne',
    'signin.title': 'Connexion', 'signin.help': 'Collez un jeton d\u2019accès (./energywatch token --role operator).',
    'signin.token': 'Jeton', 'signin.submit': 'Se connecter', 'signin.out': 'Se déconnecter',
    'signin.invalid': 'Ce jeton a été refusé', 'error': 'Erreur',
    'kpi.title': 'Indicateurs', 'kpi.consumption': 'Consommation', 'kpi.anomalies': 'Anomalies ouvertes',
    'kpi.forecast': 'Erreur de prévision (MAPE)', 'kpi.drift': 'Dérive', 'kpi.unavailable': 'indisponible',
    'kpi.carbon': 'Carbone des exécutions', 'kpi.today': 'Consommation du jour et prévision',
    'kpi.todayForecast': '{date} : prévu {forecast} MWh, réel {deviation} % par rapport à la prévision',
    'kpi.nextForecast': '{date} : prévu {forecast} MWh (80 % : {low} – {high})',
    'stats.title': 'Statistiques des anomalies', 'stats.total': 'Total', 'stats.precision': 'Précision',
    'feed.title': 'Anomalies en direct', 'feed.count': 'affichées',
    'banner.alert': 'Nouvelle anomalie {severity} sur {series}',
    'col.time': 'Heure', 'col.series': 'Série', 'col.severity': 'Gravité', 'col.type': 'Type',
    'col.score': 'Score', 'col.observed': 'Observé MW', 'col.expected': 'Attendu MW', 'col.status': 'Statut',
    'col.cost': 'Coût EUR', 'col.feature': 'Variable', 'col.value': 'Valeur', 'col.contribution': 'Contribution',
    'series.title': 'Consommation', 'series.pick': 'Série', 'series.window': 'Fenêtre', 'series.load': 'Afficher',
    'series.points': 'points', 'series.anomalies': 'anomalies', 'series.none': 'Aucune série au catalogue',
    'series.strike': 'jours de grève', 'series.holiday': 'jours fériés', 'series.temperature': 'température moyenne',
    'series.horizon': 'Horizon de prévision', 'series.actual': 'réel',
    'series.forecast': 'prévision (horizon {horizon} j, moyenne du jour)', 'series.band80': 'bande 80 %',
    'series.band95': 'bande 95 %', 'series.forecastDays': '{days} jours prévus',
    'series.noForecast': 'aucune prévision émise',
    'series.forecastFailed': 'prévision indisponible ({error})',
    'tip.realised': 'réalisé (moyenne du jour)', 'tip.inside80': 'dans la bande 80 %',
    'tip.inside95': 'dans la bande 95 %',
    'tip.outside': 'hors de la bande 95 %', 'tip.lead': 'J+{lead}',
    'anomaly.title': 'Anomalie', 'anomaly.expected': 'Plage attendue', 'anomaly.recommendation': 'Recommandation',
    'anomaly.cost': 'Impact financier', 'anomaly.contributions': 'Pourquoi', 'anomaly.history': 'La série autour',
    'anomaly.ack': 'Prendre en compte', 'anomaly.confirm': 'Confirmer', 'anomaly.fp': 'Faux positif',
    'anomaly.done': 'Enregistré : {status}',
    'upload.detect': 'Choisissez un fichier CSV (timestamp,value)', 'upload.detectSubmit': 'Détecter',
    'upload.found': '{anomalies} anomalies sur {rows} lignes (détecteur {detector})', 'upload.ingest': 'Importer un fichier',
    'upload.kind': 'Type', 'upload.ingestSubmit': 'Importer', 'upload.job': 'Tâche {id} : {status}, {percent} %',
    'drift.title': 'Rapports de dérive', 'drift.actions': 'Actions recommandées', 'drift.none': 'Aucun rapport',
    'forecasts.title': 'Prévisions', 'forecasts.horizon': 'Horizon (jours)',
    'forecasts.issued': 'Dernière prévision émise', 'forecasts.accuracy': 'Précision réalisée',
    'forecasts.none': 'Aucune prévision émise pour cette série',
    'forecasts.realised': 'Prévision et énergie réalisée, 30 derniers jours (horizon {horizon} j)',
    'forecasts.forecast': 'prévision (horizon {horizon} j)', 'forecasts.actual': 'réalisé',
    'forecasts.pending': 'pas encore évaluée', 'col.lead': 'Échéance', 'col.actual': 'Réalisé MWh',
    'col.error': 'Erreur %',
    'col.inside': 'La valeur réalisée',
    'col.model': 'Modèle', 'col.created': 'Créé', 'col.action': 'Action', 'col.target': 'Cible',
    'col.reason': 'Raison', 'col.day': 'Jour', 'col.energy': 'Énergie MWh', 'col.band80': 'Bande 80 %',
    'col.band95': 'Bande 95 %', 'col.horizon': 'Horizon', 'col.count': 'Jours', 'col.mape': 'MAPE %',
    'col.mae': 'MAE MWh', 'col.coverage95': 'Couverture 95 %',
  },
};

let lang = localStorage.getItem('energywatch.lang') === 'fr' ? 'fr' : 'en';

export function language() {
  return lang;
}

export function setLanguage(next) {
  lang = next === 'fr' ? 'fr' : 'en';
  localStorage.setItem('energywatch.lang', lang);
  document.documentElement.lang = lang;
}

/** The label for key, with {name} placeholders filled from values. */
export function t(key, values = {}) {
  const text = LABELS[lang][key] ?? LABELS.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));
}

/** Fills every element with a data-i18n attribute under root. */
export function translate(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) {
    el.textContent = t(el.dataset.i18n);
  }
}

const ZONE = 'Europe/Paris';
const timeFormats = {};

/** An instant as a Europe/Paris date and time in the current language. */
export function time(instant) {
  if (!instant) {
    return '';
  }
  const format = timeFormats[lang] ??= new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB',
      {timeZone: ZONE, dateStyle: 'short', timeStyle: 'short'});
  return format.format(new Date(instant));
}

export function number(value, digits = 0) {
  if (value === null || value === undefined || Number.isNaN(value)) {
    return '–';
  }
  return new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {maximumFractionDigits: digits}).format(value);
}
