import { formatNumber } from 'integration-webhooks/core'
import type { WebhookManagerLabels } from './labels'

/**
 * Every label in German, its numbers written for `locale`: a complete `WebhookManagerLabels`, so
 * the compiler says when a new label has no German text.
 */
function buildGermanLabels(locale: string): WebhookManagerLabels {
  // Anything but a number (a translation tool's placeholder) is written as it is.
  const count = (n: number) => (typeof n === 'number' ? formatNumber(n, locale) : String(n))
  /** German's plural rule (one / other), the count written by `count`. */
  const plural = (n: number, one: string, many: string) => `${count(n)} ${n === 1 ? one : many}`
  return {
    title: 'Integrations-Webhooks',
    description: 'Wohin jeder Anbieter seine Ereignisse sendet und was mit ihnen geschah.',
    refresh: 'Aktualisieren',
    refreshing: 'Wird aktualisiert…',
    updated: (time) => `Aktualisiert ${time}`,
    liveStates: { connecting: 'Verbinde…', live: 'Verbunden', reconnecting: 'Verbinde neu…', polling: 'Abfrage' },
    liveUpdates: 'Echtzeit-Aktualisierung',
    newExecution: 'Neu',
    newExecutions: (n) => plural(n, 'neue Ausführung', 'neue Ausführungen'),
    summary: {
      total: (n) => plural(n, 'Webhook', 'Webhooks'),
      active: (n) => `${count(n)} aktiv`,
      failing: (n) => `${count(n)} fehlerhaft`,
      needsSetup: (n) => `${count(n)} einzurichten`,
    },
    search: 'Webhooks durchsuchen',
    searchPlaceholder: 'Nach Name, Anbieter, Auslöser oder Adresse suchen',
    category: 'Kategorie',
    allCategories: 'Alle Kategorien',
    status: 'Zustand',
    allStatuses: 'Alle Zustände',
    needsSetupOnly: 'Nur einzurichtende',
    results: (shown, total) => `${count(shown)} von ${plural(total, 'Webhook', 'Webhooks')}`,
    clearFilters: 'Filter zurücksetzen',
    columns: {
      name: 'Anwendung',
      webhookUrl: 'Webhook-Adresse',
      status: 'Zustand',
      triggerTypes: 'Auslöser',
      lastTriggered: 'Zuletzt ausgelöst',
      triggerCount: 'Ausführungen',
      errorCount: 'Fehler',
      successRate: 'Erfolg (24 Std.)',
    },
    sortedAscending: 'aufsteigend sortiert',
    sortedDescending: 'absteigend sortiert',
    sortHint: 'Mit Umschalt-Klick nach mehreren Spalten sortieren.',
    statuses: { active: 'Aktiv', inactive: 'Inaktiv', error: 'Fehler' },
    setupRequired: 'Einrichtung nötig',
    secretMissingBadge: 'Schlüssel fehlt',
    categories: {
      communication: 'Kommunikation',
      productivity: 'Produktivität',
      social: 'Soziale Medien',
      development: 'Entwicklung',
      business: 'Geschäft',
      storage: 'Speicher',
      ai: 'KI und Logik',
      other: 'Sonstiges',
    },
    never: 'Nie',
    moreTriggers: (n) => `+${count(n)} weitere`,
    openDetails: (name) => `Details zu ${name}`,
    copy: 'Kopieren',
    copyValue: (what) => `${what} kopieren`,
    copied: 'In die Zwischenablage kopiert',
    copyFailed: 'Kopieren fehlgeschlagen. Markieren Sie den Text und kopieren Sie ihn von Hand.',
    tableCaption: 'Webhook-Konfiguration jeder Anwendung',
    close: 'Schließen',
    webhookUrl: 'Webhook-Adresse',
    webhookUrlHint:
      'Tragen Sie diese Adresse in den Webhook-Einstellungen des Anbieters ein: Dorthin sendet er seine Ereignisse.',
    setup: 'Einrichtung',
    openDocs: (name) => `Webhook-Dokumentation von ${name}`,
    docsAt: (host) => `Dokumentation auf ${host}`,
    opensInNewTab: '(öffnet in einem neuen Tab)',
    sectionFailed: 'Dieser Teil konnte nicht angezeigt werden.',
    showAll: (n) => `Alle zeigen (${count(n)})`,
    showFewer: 'Weniger zeigen',
    triggerTypes: 'Auslösertypen',
    capabilities: 'Fähigkeiten',
    configuration: 'Konfiguration',
    noConfiguration: 'Noch nichts konfiguriert.',
    reveal: (key) => `${key} anzeigen`,
    hide: (key) => `${key} verbergen`,
    revealSecret: 'Signaturschlüssel anzeigen',
    hideSecret: 'Signaturschlüssel verbergen',
    metrics: 'Aktivität',
    enabled: 'Eingeschaltet',
    disabled: 'Ausgeschaltet',
    enableWebhook: (name) => `Ereignisse von ${name} empfangen`,
    sendTest: 'Testereignis senden',
    sendingTest: 'Wird gesendet…',
    testSent: 'Testereignis gesendet.',
    actionFailed: (reason) => `Das hat nicht geklappt: ${reason}`,
    generatedRow: 'Vorgeschlagene Konfiguration: Für diese Anwendung ist noch nichts gespeichert.',
    setUp: 'Einrichten',
    setUpWebhook: (name) => `${name} einrichten`,
    settingUp: 'Wird eingerichtet…',
    setUpHint: 'Speichert diesen Webhook mit einer eigenen Empfangsadresse für die Einstellungen des Anbieters.',
    setUpDone: (name) => `${name} ist eingerichtet. Tragen Sie die Webhook-Adresse beim Anbieter ein.`,
    setUpFailed: (reason) => `Einrichten fehlgeschlagen: ${reason}`,
    addIntegration: 'Integration hinzufügen',
    chooseIntegration: (n) => `Integration wählen (${count(n)} verfügbar)`,
    deleteWebhook: 'Löschen',
    deleteTitle: (name) => `Den Webhook von ${name} löschen?`,
    deleteDescription:
      'Seine Adresse empfängt sofort keine Ereignisse mehr, und sein Ausführungsverlauf wird gelöscht. Das lässt sich nicht rückgängig machen.',
    deleteConfirm: 'Webhook löschen',
    deleting: 'Wird gelöscht…',
    deleteFailed: (reason) => `Löschen fehlgeschlagen: ${reason}`,
    deleted: (name) => `Der Webhook von ${name} wurde gelöscht.`,
    cancel: 'Abbrechen',
    confirmUnavailable:
      'Die Bestätigung konnte nicht geöffnet werden. Prüfen Sie die Verbindung und versuchen Sie es erneut.',
    executions: 'Ausführungsverlauf',
    executionColumns: {
      time: 'Zeit',
      triggerType: 'Auslöser',
      status: 'Zustand',
      responseCode: 'Antwort',
      duration: 'Dauer',
      error: 'Fehler',
    },
    executionStatuses: { success: 'Erfolgreich', error: 'Fehlgeschlagen', pending: 'Ausstehend' },
    showExecution: 'Details zeigen',
    payload: 'Nutzdaten',
    headers: 'Kopfzeilen',
    responseBody: 'Antworttext',
    executionPart: (part, execution) => `${part} der Ausführung ${execution}`,
    none: '—',
    retry: 'Erneut senden',
    retrying: 'Wird erneut gesendet…',
    loadMore: 'Mehr laden',
    loadingMore: 'Wird geladen…',
    noExecutions: 'Noch keine Ausführungen. Senden Sie ein Testereignis, um hier eines zu sehen.',
    loadingExecutions: 'Ausführungen werden geladen…',
    executionsFailed: 'Der Ausführungsverlauf konnte nicht geladen werden.',
    loading: 'Webhooks werden geladen…',
    empty: 'Noch keine Anwendungen',
    emptyDescription: 'Sobald Anwendungen verfügbar sind, erscheinen ihre Webhooks hier.',
    noMatches: 'Kein Webhook passt zu diesen Filtern.',
    generatedTitle: 'Vorgeschlagene Konfigurationen',
    generatedNotice:
      'Noch ist nichts gespeichert. Dies sind vorgeschlagene Einstellungen für jede Anwendung, keine gespeicherte Konfiguration: Richten Sie jede beim Anbieter ein, um Ereignisse zu empfangen.',
    errorTitle: 'Webhooks konnten nicht geladen werden',
    errorReasons: {
      unauthorized: 'Sie sind nicht angemeldet, oder Ihre Sitzung ist abgelaufen.',
      forbidden: 'Ihr Konto darf diese Webhooks nicht sehen.',
      'not-found': 'Unter dieser Adresse wurde der Webhook-Dienst nicht gefunden.',
      conflict: 'Der Webhook hat sich inzwischen geändert. Aktualisieren Sie und versuchen Sie es erneut.',
      'rate-limited': 'Zu viele Anfragen. Warten Sie kurz und versuchen Sie es erneut.',
      'bad-request': 'Der Server hat die Anfrage nicht angenommen.',
      server: 'Der Server hatte ein Problem.',
      network: 'Der Server war nicht erreichbar. Prüfen Sie Ihre Verbindung.',
      timeout: 'Der Server hat zu lange nicht geantwortet.',
      aborted: 'Die Anfrage wurde abgebrochen.',
      'invalid-response': 'Der Server hat keine Webhook-Liste gesendet.',
      credentials:
        'Ihre Sitzung konnte nicht gelesen werden, daher wurde nichts angefragt. Melden Sie sich erneut an oder laden Sie die Seite neu.',
      unknown: 'Etwas ist schiefgegangen.',
    },
    tryAgain: 'Erneut versuchen',
    unauthorizedTitle: 'Melden Sie sich an, um Ihre Webhooks zu sehen',
    unauthorizedDescription: 'Ihre Sitzung ist abgelaufen, oder Sie sind nicht angemeldet.',
    signIn: 'Anmelden',
    stale: (time) => `Aktualisieren fehlgeschlagen. Angezeigt werden die Webhooks von ${time}.`,
    invalidRows: (n) =>
      `${plural(n, 'Webhook konnte', 'Webhooks konnten')} nicht angezeigt werden, weil der Server ungültige Daten gesendet hat.`,
    showInvalid: 'Warum?',
    hideInvalid: 'Details verbergen',
    invalidRow: (index, id) => (id ? `Zeile ${count(index + 1)} (${id})` : `Zeile ${count(index + 1)}`),
    signingSecret: 'Signaturschlüssel',
    signedWith: (scheme) => `Ereignisse werden mit ${scheme} geprüft.`,
    secretGoesTo: (provider) =>
      `Fügen Sie diesen Schlüssel in das Feld „Secret“ des Webhooks in den Einstellungen von ${provider} ein.`,
    secretComesFrom: (provider) => `Kopieren Sie ihn aus den Webhook-Einstellungen von ${provider}.`,
    secretMissing: (provider) =>
      `Ereignisse werden abgewiesen, bis Sie den Signaturschlüssel von ${provider} einfügen.`,
    secretByHandshake: (provider) =>
      `${provider} sendet diesen Schlüssel bei der Prüfung der URL; er wird dann gespeichert.`,
    hostVerified: (provider) =>
      `Hier ist kein Schlüssel nötig: die Prüfroutine Ihres Servers prüft jedes Ereignis bei ${provider}.`,
    urlTokenOnly: (provider) =>
      `${provider} signiert keine Ereignisse: die nicht erratbare Webhook-URL ist der Nachweis. Halten Sie sie geheim.`,
    secretHidden: 'Verborgen',
    revealingSecret: 'Schlüssel wird geladen…',
    pasteSecret: (provider) => `Signaturschlüssel von ${provider}`,
    secretForm: (hint) => `Erwartete Form: ${hint}.`,
    saveSecret: 'Schlüssel speichern',
    savingSecret: 'Wird gespeichert…',
    secretSaved: 'Signaturschlüssel gespeichert.',
    secretFailed: (reason) => `Das ging nicht: ${reason}`,
    rotateSecret: 'Schlüssel erneuern',
    rotateTitle: 'Signaturschlüssel erneuern?',
    rotateDescription: (provider) =>
      `Ein neuer Schlüssel wird erzeugt. Fügen Sie ihn in ${provider} ein, bevor der alte nicht mehr gilt.`,
    rotateGrace: 'Der alte Schlüssel gilt nicht mehr',
    graceNow: 'Sofort',
    graceHour: 'Nach 1 Stunde',
    graceDay: 'Nach 24 Stunden',
    rotateConfirm: 'Erneuern',
    rotating: 'Wird erneuert…',
    secretRotated: 'Neuer Signaturschlüssel erzeugt. Kopieren Sie ihn zum Anbieter.',
    previousValidUntil: (time) => `Der vorherige Schlüssel gilt noch bis ${time}.`,
    deliveryId: 'Zustellungs-ID',
    retryOf: (time) => `Wiederholung der Ausführung vom ${time}`,
    retryOfEarlier: 'Wiederholung einer früheren Ausführung',
    originalExecution: 'Ursprüngliche Ausführung',
    attempts: (n) => `${count(n)} ${n === 1 ? 'Versuch' : 'Versuche'}`,
    attemptsTitle: 'Versuche',
    attemptNumber: (n) => `Versuch ${count(n)}`,
    nextAttemptAt: (time) => `Neuer Versuch um ${time}`,
    payloadTruncated: 'Die Nutzlast war zu groß und ist gekürzt gespeichert.',
    statsWindow: 'Zeitraum',
    statsWindows: { '24h': '24 Stunden', '7d': '7 Tage', '30d': '30 Tage' },
    statsPeriods: {
      '24h': 'in den letzten 24 Stunden',
      '7d': 'in den letzten 7 Tagen',
      '30d': 'in den letzten 30 Tagen',
    },
    successRate: 'Erfolgsquote',
    medianTime: 'Mittlere Dauer',
    p95Time: '95. Perzentil',
    statsExecutions: (window) =>
      `Ausführungen (${window === '24h' ? '24 Stunden' : window === '7d' ? '7 Tage' : '30 Tage'})`,
    statsFailed: 'Fehlgeschlagen',
    statsLoading: 'Statistik wird geladen…',
    statsError: 'Die Statistik konnte nicht geladen werden.',
    statsSummary: (period, total, rate, failed, pending) =>
      `${plural(total, 'Ausführung', 'Ausführungen')} ${period}: ${rate} erfolgreich, ${count(failed)} fehlgeschlagen` +
      (pending ? `, ${count(pending)} ausstehend.` : '.'),
    statsNoData: (period) => `Noch keine Ausführungen ${period}.`,
    statsAllFailing: (period, failed) =>
      failed === 1
        ? `Die einzige Ausführung ${period} ist fehlgeschlagen.`
        : `Alle ${count(failed)} Ausführungen ${period} sind fehlgeschlagen.`,
    statsWorst: (when, failed) => `Die meisten Fehler um ${when} (${count(failed)}).`,
    statsScale: (max, window) => `${count(max)} pro ${window === '24h' ? 'Stunde' : 'Tag'}`,
    statsTableCaption: (period) => `Ausführungen ${period}, nach Ergebnis`,
    statsBucket: (window) => (window === '24h' ? 'Stunde' : 'Tag'),
    statsSucceeded: 'Erfolgreich',
    noStats: 'Keine Ausführungen in den letzten 24 Stunden',
    successRateCounts: (succeeded, failed) =>
      `${count(succeeded)} erfolgreich, ${count(failed)} fehlgeschlagen in den letzten 24 Stunden`,
  }
}

/**
 * The German labels, their numbers written for `de-DE` (1.140): pass them with `locale="de-DE"`,
 * so the headings, buttons and sentences are German as the dates and numbers are. Only an app that
 * imports them bundles them. For another German locale (de-AT, de-CH) use
 * {@link localizedGermanLabels}, so the header's counts are written as the table's.
 *
 * @example
 * ```tsx
 * import { germanLabels, IntegrationWebhookManager } from 'integration-webhooks'
 *
 * <IntegrationWebhookManager apiUrl="/api/webhooks" locale="de-DE" labels={germanLabels} />
 * ```
 */
export const germanLabels: WebhookManagerLabels = /* @__PURE__ */ buildGermanLabels('de-DE')

const byLocale = /* @__PURE__ */ new Map<string, WebhookManagerLabels>()

/**
 * The German labels with their numbers written for `locale` (the manager's `locale` prop), so a
 * count in a sentence uses the same digits and separators as the table. Cached per locale: the
 * same object each time, safe to pass on every render.
 *
 * @example
 * ```tsx
 * localizedGermanLabels('de-CH').summary.total(5000) // '5’000 Webhooks'
 * <IntegrationWebhookManager locale="de-CH" labels={localizedGermanLabels('de-CH')} />
 * ```
 */
export function localizedGermanLabels(locale: string): WebhookManagerLabels {
  if (locale === 'de-DE') return germanLabels
  let labels = byLocale.get(locale)
  if (!labels) {
    labels = buildGermanLabels(locale)
    byLocale.set(locale, labels)
  }
  return labels
}
