// Every word of the page in English and French, and the number and date formats of each. The page speaks the brand's
// language (its report locale); before a brand is chosen, the browser's. t('key', { name }) fills {name} placeholders.

export const CHANNELS = ['facebook', 'instagram', 'x', 'linkedin', 'tiktok', 'youtube', 'pinterest', 'blog', 'reddit'];
const CHANNEL_NAMES = { facebook: 'Facebook', instagram: 'Instagram', x: 'X', linkedin: 'LinkedIn', tiktok: 'TikTok', youtube: 'YouTube', pinterest: 'Pinterest', blog: 'Blog', reddit: 'Reddit' };

const en = {
  product: 'SocialFunctions', skipToContent: 'Skip to content', brandLabel: 'Brand', newBrand: 'New brand', chooseBrand: 'Choose a brand…', sectionsNav: 'Sections',
  navUpload: 'Upload', navCoverage: 'Coverage', navSeries: 'Series', navReports: 'Reports', navSettings: 'Brand settings',
  nav_upload: 'Upload', nav_coverage: 'Coverage', nav_series: 'Series', nav_reports: 'Reports', nav_settings: 'Brand settings',
  loading: 'Loading…', loadFailed: 'This could not be loaded.', saving: 'Saving…', cancel: 'Cancel', undo: 'Undo', replace: 'Replace', remove: 'Remove',
  startTitle: 'From exports to a sent report', startLead: 'Upload the analytics exports your channels give you; SocialFunctions turns them into a monthly trend report for leadership and warns you early when a content series stops working.',
  step1: 'Create your brand: its time zone, language, who receives the report and your series rules.', step2: 'Drop the exports of each channel, as the platforms give them.', step3: 'Check coverage and series health, and write how you plan to pivot.', step4: 'Preview the PDF and send it.',
  yourBrands: 'Your brands', noBrandsYet: 'No brand yet.', createBrand: 'Create the brand',
  newBrandTitle: 'New brand', newBrandLead: 'Only the brand name is required; everything else can be set later.',
  settingsTitle: 'Settings of {name}', identity: 'Brand', displayName: 'Display name', displayNameHint: 'The name leaders read on the report, e.g. Lumen Coffee Roasters.',
  brandId: 'Brand name in links', brandIdHint: '1 to 40 lower-case letters, digits or hyphens; it cannot change later.', brandIdFixed: 'Fixed when the brand was created.', brandIdRule: 'Use 1 to 40 lower-case letters, digits or hyphens (e.g. lumen-coffee).', brandExists: 'A brand named {name} exists already: pick it in the brand list, or choose another name.',
  timeZone: 'Time zone', timeZoneHint: 'Months, weeks and the report time follow it (IANA name, e.g. Europe/Paris).', language: 'Language', languageHint: 'Of the report, the mail, the alerts and this page.',
  funnelFocus: 'Funnel focus', funnelFocusHint: 'What the report leads with.', focus_awareness: 'Awareness (reach and views)', focus_consideration: 'Consideration (engagement)', focus_conversion: 'Conversion (clicks)',
  reportAndMail: 'Monthly report', reportDay: 'Day of the month it is sent', reportDayHint: '1 to 28; the previous month is reported.', reportTime: 'Time it is sent', reportTimeHint: 'In the brand’s time zone.', paperSize: 'Paper size',
  recipients: 'Recipients', addressesHint: 'One email address per line.', sender: 'Sender mailbox', senderHint: 'The mailbox the report is sent from.',
  alerts: 'Series alerts', teamRecipients: 'Social team (alert mail)', teamRecipientsHint: 'Alerts go here by mail when there is no Teams webhook. One address per line.',
  webhook: 'Teams webhook', webhookHint: 'The Workflows webhook address of your Teams channel. It is a secret: once saved, only its start is shown.', webhookSavedAs: 'Saved webhook:', webhookWillBeRemoved: 'The webhook will be removed when you save.',
  postingTargets: 'Posting targets', postingTargetsHint: 'Planned posts per week on each channel; leave empty for none. The report compares them with what was posted.',
  seriesRules: 'Series rules', seriesRulesHint: 'A recurring content series, matched by a hashtag, the start of the text or a regular expression. The first matching rule wins. Each rule shows the stored posts of the last 12 months it takes.',
  ruleN: 'Rule {n}', ruleName: 'Series name', ruleMatchBy: 'Match by', ruleValue: 'Hashtag, text start or pattern', ruleValueHint: 'e.g. #TipTuesday, Behind the Scenes: or ^Q&A', ruleChannels: 'Only on these channels (none ticked: all)',
  rule_hashtag: 'Hashtag', rule_prefix: 'Text starts with', rule_pattern: 'Regular expression', removeRule: 'Remove rule {n}', addRule: 'Add a rule',
  previewTakes: 'Takes {n} posts', previewNone: 'Takes no stored post yet.', previewNotValid: 'Not valid yet:', previewScanned: 'Preview over {n} stored posts of the last 12 months.', previewFailed: 'The preview failed: {message}', previewAfterCreate: 'Once the brand exists and has uploads, each rule shows the posts it takes.',
  saveSettings: 'Save settings', settingsSaved: 'Settings saved.', postsReassigned: '{n} stored posts changed series.', saveFailed: 'The settings could not be saved.', fixErrors: 'Fix {n} problem(s) before saving', brandCreated: '{name} created. Now upload its exports.',
  uploadTitle: 'Upload exports', uploadLead: 'Drop the analytics exports of any channel as the platform gives them (CSV, XLS, XLSX or ZIP). The format is recognised from the content; each file says what was read.',
  dropTitle: 'Drop export files here', dropOr: 'or', chooseFiles: 'Choose files', dropHint: 'Several at once is fine. The same file twice changes nothing.',
  uploadOptions: 'When a file cannot say: export day and channel', exportedOn: 'Day the exports were downloaded', exportedOnHint: 'For TikTok dates without a year. Leave empty to let the file or the upload day decide.', channelHint: 'Channel of Meta daily files', channelHintHint: 'Only for a Meta insights file whose metric name does not say Facebook or Instagram.', channelFromFile: 'Read it from the file',
  thisSession: 'Uploaded now', recentUploads: 'Recent uploads', noUploadsYet: 'No upload yet.', waiting: 'Waiting…', uploading: 'Uploading…', reading: 'Reading the file…', uploadingN: 'Uploading {n} file(s).', progressOf: 'Upload of {name}',
  uploadFailed: 'The upload did not reach the server. Check the connection and try again.', batchDone: '{n} file(s) done: {accepted} accepted, {partial} partly accepted, {rejected} rejected.',
  status_accepted: 'Accepted', status_partial: 'Partly accepted', status_rejected: 'Rejected', statusDuplicate: 'Already uploaded',
  resultShort_accepted: 'Every row was read.', resultShort_partial: 'Good rows were kept; the rows below were refused.', resultShort_rejected: 'Nothing was stored from this file.', duplicateShort: 'This exact file was uploaded before; nothing changed.', duplicateNote: 'Same content as an earlier upload: these are that upload’s results.',
  format: 'Format', unknownFormat: 'not recognised', channel: 'Channel', dates: 'Dates covered', noDates: 'no dates', rows: 'Rows', rowsValue: '{accepted} read, {rejected} refused', stored: 'Records stored',
  warnings: 'Check this', errorsCaption: 'Problems found ({n})', line: 'Line', column: 'Column', message: 'Problem', historyCaption: 'Latest {shown} of {total} uploads', received: 'Received', file: 'File', status: 'Status',
  coverageTitle: 'Coverage', coverageLead: 'Which days your uploaded exports cover on each channel. A gap is a stretch of days no export covers: the report cannot tell a quiet day from a missing file there.',
  coverageWindow: 'From {from} to {to}. The next report covers {month}.', coverageEmpty: 'Nothing uploaded yet, so nothing is covered.', goUpload: 'Upload exports',
  exportsDue: 'Exports due on {n} channel(s)', allCurrent: 'Every channel is up to date.', legendCovered: 'covered', legendGap: 'not covered',
  coveredDays: '{n} of {total} days covered', lastDay: 'data up to {date}', noDay: 'no covered day', lastUpload: 'last upload {when}', exportDue: 'Export due', upToDate: 'Up to date',
  dueGaps: 'Export due: {month} is not fully covered ({gaps}).', dueStale: 'Export due: the data stops on {date}, more than a week ago.', gapsN: '{n} gap(s)', noGaps: 'No gap in this window.',
  seriesTitle: 'Series', seriesLead: 'How each recurring content series does against its channel’s other posts over the last 90 days. An underperforming series is one the numbers say to rethink or drop.',
  seriesHealth: 'Series health', checkNow: 'Check now and alert', checking: 'Checking…', checkDone: '{n} series checked; {sent} alert(s) sent.',
  seriesCaption: '{n} series, weakest first', series: 'Series', recentEr: 'Recent ER', baselineEr: 'Baseline ER', gap: 'Gap', evidence: 'Evidence', trend: 'Recent posts',
  series_healthy: 'Healthy', 'series_at-risk': 'At risk', series_underperforming: 'Underperforming', 'series_insufficient-data': 'Not enough data', since: 'since {date}',
  noSeriesRules: 'No series rule yet. Add one in the brand settings, or from the suggestions below.', noSeriesPosts: 'No post matches the series rules yet.',
  sparklineLabel: 'Engagement rate of the last {n} posts, from {first} to {last}; baseline {baseline}.',
  suggestedSeries: 'Suggested series', suggestedLead: 'Hashtags and title starts used in several posts of the last 12 months that no rule covers yet.', noSuggestions: 'No recurring hashtag or title start without a rule.',
  addAsRule: 'Add as a rule', addRuleFor: 'Add as a rule: {name}', byHashtag: 'hashtag {value}', byPrefix: 'text starting “{value}”', inPosts: 'in {n} posts', ruleAdded: 'Rule “{name}” added; {n} stored posts joined the series.', ruleAddFailed: 'The rule could not be added: {message}',
  reportsTitle: 'Reports', reportsLead: 'Each month’s trend report: read its headlines, write how the team plans to pivot, preview the PDF and send it to leadership.',
  reportMonths: 'Report months', comingReport: 'coming report', run_open: 'Month not over', run_notSent: 'Not sent', run_sent: 'Sent', run_listed: 'Listed in a later mail', run_failed: 'Failed', run_claimed: 'Being sent', run_rendered: 'Rendered, not mailed',
  reportOf: 'Report for {month}', monthOpen: 'The month is not over yet; its report is due {date}. You can already write the pivot plan.', notSentYet: 'Not sent yet; it is due {date}.',
  sentLine: 'Sent {when} to {to}.', recipientsUnknown: 'the recipients of that time', deliveredVia: 'Delivered via {where}', sendFailedAt: 'The last attempt failed ({when}):', listedIn: 'Archived and listed in the mail of {month}',
  insights: 'Headlines', noInsights: 'No headline for this month.', pivotPlan: 'Pivot plan', pivotPlanLabel: 'How the team plans to pivot after {month}', pivotPlanHint: 'Plain text, printed in the report: paragraphs, and lines starting with “- ” for bullets.', charsUsed: '{n} of {max} characters', unsaved: 'Not saved yet.', savePlan: 'Save the pivot plan', planSaved: 'Pivot plan for {month} saved.', planSaveFailed: 'The pivot plan could not be saved: {message}',
  pdf: 'PDF', showPdf: 'Preview the PDF', previewNote: 'Rendered now from the current data and pivot plan.', pdfFrameTitle: 'Report PDF for {month}', downloadPdf: 'Download the PDF', downloadSent: 'Download the PDF as sent',
  send: 'Send', sendNowTo: 'Send now to {to}…', sendAgain: 'Send again…', confirmSend: 'Send the {month} report to {to} now?', confirmResend: 'The {month} report was sent already. Send it again to {to}?', sendNow: 'Send now', resendNow: 'Send again now',
  sending: 'Rendering and sending…', sentAnnounce: 'The {month} report was sent.', alreadySent: 'This report was sent already.', sendFailed: 'The report could not be sent: {message}',
  needRecipients: 'Add recipients in the brand settings before sending.', needSender: 'Add a sender mailbox in the brand settings before sending.', openSettings: 'Open the brand settings',
  history: 'History', historyRuns: 'Report runs, newest first', noRunsYet: 'No report was sent yet.', month: 'Month', sentAt: 'Sent', sentTo: 'To', delivery: 'Delivery', attempts: 'Attempts',
};

const fr = {
  product: 'SocialFunctions', skipToContent: 'Aller au contenu', brandLabel: 'Marque', newBrand: 'Nouvelle marque', chooseBrand: 'Choisir une marque…', sectionsNav: 'Sections',
  navUpload: 'Import', navCoverage: 'Couverture', navSeries: 'Séries', navReports: 'Rapports', navSettings: 'Réglages de la marque',
  nav_upload: 'Import', nav_coverage: 'Couverture', nav_series: 'Séries', nav_reports: 'Rapports', nav_settings: 'Réglages de la marque',
  loading: 'Chargement…', loadFailed: 'Impossible de charger ces données.', saving: 'Enregistrement…', cancel: 'Annuler', undo: 'Annuler', replace: 'Remplacer', remove: 'Supprimer',
  startTitle: 'Des exports au rapport envoyé', startLead: 'Importez les exports d’analyse de vos réseaux ; SocialFunctions en fait un rapport de tendances mensuel pour la direction et vous prévient tôt quand une série de contenus ne fonctionne plus.',
  step1: 'Créez votre marque : fuseau horaire, langue, destinataires du rapport et règles de séries.', step2: 'Déposez les exports de chaque réseau, tels que les plateformes les fournissent.', step3: 'Vérifiez la couverture et la santé des séries, et rédigez votre plan d’ajustement.', step4: 'Prévisualisez le PDF et envoyez-le.',
  yourBrands: 'Vos marques', noBrandsYet: 'Aucune marque pour l’instant.', createBrand: 'Créer la marque',
  newBrandTitle: 'Nouvelle marque', newBrandLead: 'Seul le nom de la marque est obligatoire ; tout le reste peut être réglé plus tard.',
  settingsTitle: 'Réglages de {name}', identity: 'Marque', displayName: 'Nom affiché', displayNameHint: 'Le nom que lit la direction dans le rapport, par ex. Lumen Coffee Roasters.',
  brandId: 'Nom de la marque dans les liens', brandIdHint: '1 à 40 lettres minuscules, chiffres ou tirets ; il ne pourra plus changer.', brandIdFixed: 'Fixé à la création de la marque.', brandIdRule: 'Utilisez 1 à 40 lettres minuscules, chiffres ou tirets (par ex. lumen-coffee).', brandExists: 'Une marque nommée {name} existe déjà : choisissez-la dans la liste, ou prenez un autre nom.',
  timeZone: 'Fuseau horaire', timeZoneHint: 'Les mois, les semaines et l’heure du rapport le suivent (nom IANA, par ex. Europe/Paris).', language: 'Langue', languageHint: 'Du rapport, du courriel, des alertes et de cette page.',
  funnelFocus: 'Priorité du tunnel', funnelFocusHint: 'Ce que le rapport met en avant.', focus_awareness: 'Notoriété (portée et vues)', focus_consideration: 'Considération (engagement)', focus_conversion: 'Conversion (clics)',
  reportAndMail: 'Rapport mensuel', reportDay: 'Jour d’envoi dans le mois', reportDayHint: 'De 1 à 28 ; le rapport porte sur le mois précédent.', reportTime: 'Heure d’envoi', reportTimeHint: 'Dans le fuseau de la marque.', paperSize: 'Format du papier',
  recipients: 'Destinataires', addressesHint: 'Une adresse électronique par ligne.', sender: 'Boîte d’envoi', senderHint: 'La boîte aux lettres qui envoie le rapport.',
  alerts: 'Alertes de séries', teamRecipients: 'Équipe social media (alertes par courriel)', teamRecipientsHint: 'Les alertes arrivent ici par courriel quand il n’y a pas de webhook Teams. Une adresse par ligne.',
  webhook: 'Webhook Teams', webhookHint: 'L’adresse du webhook Workflows de votre canal Teams. C’est un secret : une fois enregistrée, seul son début est affiché.', webhookSavedAs: 'Webhook enregistré :', webhookWillBeRemoved: 'Le webhook sera supprimé à l’enregistrement.',
  postingTargets: 'Objectifs de publication', postingTargetsHint: 'Publications prévues par semaine sur chaque réseau ; laissez vide sinon. Le rapport les compare avec ce qui a été publié.',
  seriesRules: 'Règles de séries', seriesRulesHint: 'Une série de contenus récurrente, reconnue par un hashtag, le début du texte ou une expression régulière. La première règle qui correspond l’emporte. Chaque règle montre les publications des 12 derniers mois qu’elle prend.',
  ruleN: 'Règle {n}', ruleName: 'Nom de la série', ruleMatchBy: 'Reconnue par', ruleValue: 'Hashtag, début du texte ou motif', ruleValueHint: 'par ex. #TipTuesday, Dans les coulisses : ou ^Q&R', ruleChannels: 'Seulement sur ces réseaux (aucun coché : tous)',
  rule_hashtag: 'Hashtag', rule_prefix: 'Le texte commence par', rule_pattern: 'Expression régulière', removeRule: 'Supprimer la règle {n}', addRule: 'Ajouter une règle',
  previewTakes: 'Prend {n} publications', previewNone: 'Ne prend encore aucune publication enregistrée.', previewNotValid: 'Pas encore valide :', previewScanned: 'Aperçu sur {n} publications enregistrées des 12 derniers mois.', previewFailed: 'L’aperçu a échoué : {message}', previewAfterCreate: 'Une fois la marque créée et des exports importés, chaque règle montre les publications qu’elle prend.',
  saveSettings: 'Enregistrer les réglages', settingsSaved: 'Réglages enregistrés.', postsReassigned: '{n} publications enregistrées ont changé de série.', saveFailed: 'Impossible d’enregistrer les réglages.', fixErrors: 'Corrigez {n} problème(s) avant d’enregistrer', brandCreated: '{name} est créée. Importez maintenant ses exports.',
  uploadTitle: 'Importer des exports', uploadLead: 'Déposez les exports d’analyse de n’importe quel réseau tels que la plateforme les fournit (CSV, XLS, XLSX ou ZIP). Le format est reconnu d’après le contenu ; chaque fichier indique ce qui a été lu.',
  dropTitle: 'Déposez les fichiers d’export ici', dropOr: 'ou', chooseFiles: 'Choisir des fichiers', dropHint: 'Plusieurs à la fois, c’est possible. Le même fichier deux fois ne change rien.',
  uploadOptions: 'Quand un fichier ne le dit pas : jour d’export et réseau', exportedOn: 'Jour de téléchargement des exports', exportedOnHint: 'Pour les dates TikTok sans année. Laissez vide pour laisser le fichier ou le jour d’import décider.', channelHint: 'Réseau des fichiers quotidiens Meta', channelHintHint: 'Seulement pour un fichier Meta dont le nom de métrique ne dit pas Facebook ou Instagram.', channelFromFile: 'Le lire dans le fichier',
  thisSession: 'Importés maintenant', recentUploads: 'Imports récents', noUploadsYet: 'Aucun import pour l’instant.', waiting: 'En attente…', uploading: 'Envoi…', reading: 'Lecture du fichier…', uploadingN: 'Envoi de {n} fichier(s).', progressOf: 'Envoi de {name}',
  uploadFailed: 'L’envoi n’a pas atteint le serveur. Vérifiez la connexion et réessayez.', batchDone: '{n} fichier(s) traité(s) — acceptés : {accepted}, acceptés en partie : {partial}, refusés : {rejected}.',
  status_accepted: 'Accepté', status_partial: 'Accepté en partie', status_rejected: 'Refusé', statusDuplicate: 'Déjà importé',
  resultShort_accepted: 'Toutes les lignes ont été lues.', resultShort_partial: 'Les bonnes lignes sont gardées ; celles ci-dessous ont été refusées.', resultShort_rejected: 'Rien n’a été enregistré depuis ce fichier.', duplicateShort: 'Ce fichier exact a déjà été importé ; rien n’a changé.', duplicateNote: 'Même contenu qu’un import précédent : voici ses résultats.',
  format: 'Format', unknownFormat: 'non reconnu', channel: 'Réseau', dates: 'Dates couvertes', noDates: 'aucune date', rows: 'Lignes', rowsValue: '{accepted} lues, {rejected} refusées', stored: 'Enregistrements',
  warnings: 'À vérifier', errorsCaption: 'Problèmes trouvés ({n})', line: 'Ligne', column: 'Colonne', message: 'Problème', historyCaption: '{shown} derniers imports sur {total}', received: 'Reçu', file: 'Fichier', status: 'État',
  coverageTitle: 'Couverture', coverageLead: 'Les jours que couvrent vos exports sur chaque réseau. Un trou est une période qu’aucun export ne couvre : le rapport ne peut pas y distinguer un jour calme d’un fichier manquant.',
  coverageWindow: 'Du {from} au {to}. Le prochain rapport porte sur {month}.', coverageEmpty: 'Rien n’est encore importé, donc rien n’est couvert.', goUpload: 'Importer des exports',
  exportsDue: 'Exports à faire sur {n} réseau(x)', allCurrent: 'Tous les réseaux sont à jour.', legendCovered: 'couvert', legendGap: 'non couvert',
  coveredDays: '{n} jours couverts sur {total}', lastDay: 'données jusqu’au {date}', noDay: 'aucun jour couvert', lastUpload: 'dernier import {when}', exportDue: 'Export à faire', upToDate: 'À jour',
  dueGaps: 'Export à faire : {month} n’est pas entièrement couvert ({gaps}).', dueStale: 'Export à faire : les données s’arrêtent le {date}, il y a plus d’une semaine.', gapsN: '{n} trou(s)', noGaps: 'Aucun trou sur cette période.',
  seriesTitle: 'Séries', seriesLead: 'Comment chaque série de contenus récurrente se compare aux autres publications de son réseau sur les 90 derniers jours. Une série qui sous-performe est une série à repenser ou à arrêter.',
  seriesHealth: 'Santé des séries', checkNow: 'Vérifier et alerter', checking: 'Vérification…', checkDone: '{n} séries vérifiées ; {sent} alerte(s) envoyée(s).',
  seriesCaption: '{n} séries, les plus faibles d’abord', series: 'Série', recentEr: 'Taux récent', baselineEr: 'Taux de référence', gap: 'Écart', evidence: 'Éléments', trend: 'Publications récentes',
  series_healthy: 'En bonne santé', 'series_at-risk': 'À surveiller', series_underperforming: 'Sous-performe', 'series_insufficient-data': 'Données insuffisantes', since: 'depuis le {date}',
  noSeriesRules: 'Aucune règle de série. Ajoutez-en une dans les réglages, ou depuis les suggestions ci-dessous.', noSeriesPosts: 'Aucune publication ne correspond encore aux règles de séries.',
  sparklineLabel: 'Taux d’engagement des {n} dernières publications, de {first} à {last} ; référence {baseline}.',
  suggestedSeries: 'Séries suggérées', suggestedLead: 'Hashtags et débuts de titre utilisés dans plusieurs publications des 12 derniers mois qu’aucune règle ne couvre encore.', noSuggestions: 'Aucun hashtag ni début de titre récurrent sans règle.',
  addAsRule: 'Ajouter comme règle', addRuleFor: 'Ajouter comme règle : {name}', byHashtag: 'hashtag {value}', byPrefix: 'texte commençant par « {value} »', inPosts: 'dans {n} publications', ruleAdded: 'Règle « {name} » ajoutée ; {n} publications enregistrées ont rejoint la série.', ruleAddFailed: 'Impossible d’ajouter la règle : {message}',
  reportsTitle: 'Rapports', reportsLead: 'Le rapport de tendances de chaque mois : lisez ses points clés, rédigez le plan d’ajustement de l’équipe, prévisualisez le PDF et envoyez-le à la direction.',
  reportMonths: 'Mois des rapports', comingReport: 'prochain rapport', run_open: 'Mois en cours', run_notSent: 'Non envoyé', run_sent: 'Envoyé', run_listed: 'Cité dans un envoi ultérieur', run_failed: 'Échec', run_claimed: 'En cours d’envoi', run_rendered: 'Généré, non envoyé',
  reportOf: 'Rapport de {month}', monthOpen: 'Le mois n’est pas terminé ; son rapport est prévu le {date}. Vous pouvez déjà rédiger le plan d’ajustement.', notSentYet: 'Pas encore envoyé ; il est prévu le {date}.',
  sentLine: 'Envoyé le {when} à {to}.', recipientsUnknown: 'aux destinataires de l’époque', deliveredVia: 'Remis via {where}', sendFailedAt: 'La dernière tentative a échoué ({when}) :', listedIn: 'Archivé et cité dans l’envoi de {month}',
  insights: 'Points clés', noInsights: 'Aucun point clé pour ce mois.', pivotPlan: 'Plan d’ajustement', pivotPlanLabel: 'Comment l’équipe prévoit d’ajuster après {month}', pivotPlanHint: 'Texte simple, imprimé dans le rapport : des paragraphes, et des lignes commençant par « - » pour les puces.', charsUsed: '{n} caractères sur {max}', unsaved: 'Pas encore enregistré.', savePlan: 'Enregistrer le plan d’ajustement', planSaved: 'Plan d’ajustement de {month} enregistré.', planSaveFailed: 'Impossible d’enregistrer le plan : {message}',
  pdf: 'PDF', showPdf: 'Prévisualiser le PDF', previewNote: 'Généré à l’instant avec les données et le plan actuels.', pdfFrameTitle: 'PDF du rapport de {month}', downloadPdf: 'Télécharger le PDF', downloadSent: 'Télécharger le PDF envoyé',
  send: 'Envoi', sendNowTo: 'Envoyer maintenant à {to}…', sendAgain: 'Envoyer de nouveau…', confirmSend: 'Envoyer maintenant le rapport de {month} à {to} ?', confirmResend: 'Le rapport de {month} a déjà été envoyé. L’envoyer de nouveau à {to} ?', sendNow: 'Envoyer maintenant', resendNow: 'Envoyer de nouveau',
  sending: 'Génération et envoi…', sentAnnounce: 'Le rapport de {month} a été envoyé.', alreadySent: 'Ce rapport a déjà été envoyé.', sendFailed: 'Impossible d’envoyer le rapport : {message}',
  needRecipients: 'Ajoutez des destinataires dans les réglages de la marque avant d’envoyer.', needSender: 'Ajoutez une boîte d’envoi dans les réglages de la marque avant d’envoyer.', openSettings: 'Ouvrir les réglages de la marque',
  history: 'Historique', historyRuns: 'Envois de rapports, du plus récent au plus ancien', noRunsYet: 'Aucun rapport envoyé pour l’instant.', month: 'Mois', sentAt: 'Envoyé', sentTo: 'À', delivery: 'Remise', attempts: 'Tentatives',
};

const STRINGS = { en, fr };
const TAGS = { en: 'en-GB', fr: 'fr-FR' };
let current = 'en';

export function language() { return current; }

/** The browser's language when it is French, else English. */
export function initialLanguage() {
  return (navigator.language || 'en').toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export function setLanguage(code) {
  current = STRINGS[code] ? code : 'en';
  document.documentElement.lang = current;
}

export function t(key, values = {}) {
  let text = STRINGS[current][key];
  if (text === undefined) {
    console.warn(`missing string ${current}.${key}`);
    text = en[key] ?? key;
  }
  return text.replace(/\{(\w+)\}/g, (_, name) => (values[name] ?? `{${name}}`));
}

/** The words written in index.html (data-i18n), in the current language. */
export function applyStaticText() {
  for (const element of document.querySelectorAll('[data-i18n]')) element.textContent = t(element.dataset.i18n);
  document.getElementById('sections')?.setAttribute('aria-label', t('sectionsNav'));
}

export function channelName(channel) { return CHANNEL_NAMES[channel] || channel; }

const tag = () => TAGS[current];

export function formatNumber(n) { return n == null ? '—' : new Intl.NumberFormat(tag()).format(n); }

export function formatPercent(fraction) {
  return fraction == null ? '—' : new Intl.NumberFormat(tag(), { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(fraction);
}

/** A relative change with its sign, e.g. −38 % (a true minus sign). */
export function formatSignedPercent(fraction) {
  if (fraction == null) return '—';
  const text = new Intl.NumberFormat(tag(), { style: 'percent', maximumFractionDigits: 0 }).format(Math.abs(fraction));
  if (Math.round(Math.abs(fraction) * 100) === 0) return text;
  return (fraction < 0 ? '−' : '+') + text;
}

/** A day written yyyy-MM-dd, as a date (never shifted by the browser's time zone). */
export function formatDate(day) {
  if (!day) return '—';
  return new Intl.DateTimeFormat(tag(), { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(day.slice(0, 10) + 'T00:00:00Z'));
}

/** An instant, in the brand's time zone. */
export function formatDateTime(instant, timeZone) {
  if (!instant) return '—';
  const options = { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' };
  try {
    return new Intl.DateTimeFormat(tag(), { ...options, timeZone: timeZone || 'UTC' }).format(new Date(instant));
  } catch {
    return new Intl.DateTimeFormat(tag(), { ...options, timeZone: 'UTC', timeZoneName: 'short' }).format(new Date(instant));
  }
}

/** A month written yyyy-MM: "October 2026" (short: "Oct 2026"). */
export function formatMonth(month, short = false) {
  if (!month) return '—';
  const text = new Intl.DateTimeFormat(tag(), { month: short ? 'short' : 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(month + '-01T00:00:00Z'));
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function formatBytes(bytes) {
  const units = current === 'fr' ? ['o', 'Ko', 'Mo'] : ['B', 'KB', 'MB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) { value /= 1024; unit += 1; }
  return `${new Intl.NumberFormat(tag(), { maximumFractionDigits: unit ? 1 : 0 }).format(value)} ${units[unit]}`;
}

