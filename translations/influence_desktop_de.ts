<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AnalyticsText</name>
    <message>
        <source>Posts</source>
        <translation>Beiträge</translation>
    </message>
    <message>
        <source>Reach</source>
        <translation>Reichweite</translation>
    </message>
    <message>
        <source>Impressions</source>
        <translation>Impressionen</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Aufrufe</translation>
    </message>
    <message>
        <source>Engagements</source>
        <translation>Interaktionen</translation>
    </message>
    <message>
        <source>Engagement rate</source>
        <translation>Interaktionsrate</translation>
    </message>
    <message>
        <source>Spend</source>
        <translation>Ausgaben</translation>
    </message>
    <message>
        <source>CPE</source>
        <translation>CPE</translation>
    </message>
    <message>
        <source>CPM</source>
        <translation>CPM</translation>
    </message>
    <message>
        <source>CPV</source>
        <translation>CPV</translation>
    </message>
    <message>
        <source>EMV</source>
        <translation>EMV</translation>
    </message>
    <message>
        <source>ROI</source>
        <translation>ROI</translation>
    </message>
    <message>
        <source>Posts published in the period</source>
        <translation>Im Zeitraum veröffentlichte Beiträge</translation>
    </message>
    <message>
        <source>Sum of the posts&apos; reach; where a post has none: followers at publication × the platform&apos;s reach factor (estimated)</source>
        <translation>Summe der Reichweite der Beiträge; wo ein Beitrag keine hat: Follower bei Veröffentlichung × Reichweitenfaktor der Plattform (geschätzt)</translation>
    </message>
    <message>
        <source>Sum of the posts&apos; impressions</source>
        <translation>Summe der Impressionen der Beiträge</translation>
    </message>
    <message>
        <source>Sum of the posts&apos; views</source>
        <translation>Summe der Aufrufe der Beiträge</translation>
    </message>
    <message>
        <source>Likes + comments + shares + saves (clicks not included)</source>
        <translation>Likes + Kommentare + Teilungen + Speicherungen (ohne Klicks)</translation>
    </message>
    <message>
        <source>Engagements / reach</source>
        <translation>Interaktionen / Reichweite</translation>
    </message>
    <message>
        <source>Committed fees not yet paid + fees paid</source>
        <translation>Zugesagte, noch nicht bezahlte Honorare + bezahlte Honorare</translation>
    </message>
    <message>
        <source>Spend / engagements (cost per engagement)</source>
        <translation>Ausgaben / Interaktionen (Kosten pro Interaktion)</translation>
    </message>
    <message>
        <source>Spend / impressions × 1,000 (cost per mille)</source>
        <translation>Ausgaben / Impressionen × 1.000 (Tausenderkontaktpreis)</translation>
    </message>
    <message>
        <source>Spend / views (cost per view)</source>
        <translation>Ausgaben / Aufrufe (Kosten pro Aufruf)</translation>
    </message>
    <message>
        <source>Each figure × the EMV table&apos;s value per action for the post&apos;s platform (earned media value)</source>
        <translation>Jede Kennzahl × Wert pro Aktion der EMV-Tabelle für die Plattform des Beitrags (Earned Media Value)</translation>
    </message>
    <message>
        <source>(EMV − spend) / spend: media value, not sales</source>
        <translation>(EMV − Ausgaben) / Ausgaben: Medienwert, kein Umsatz</translation>
    </message>
    <message>
        <source>Likes</source>
        <translation>Likes</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Kommentare</translation>
    </message>
    <message>
        <source>Shares</source>
        <translation>Teilungen</translation>
    </message>
    <message>
        <source>Saves</source>
        <translation>Speicherungen</translation>
    </message>
    <message>
        <source>Clicks</source>
        <translation>Klicks</translation>
    </message>
    <message>
        <source>Watch time (s)</source>
        <translation>Wiedergabezeit (s)</translation>
    </message>
    <message>
        <source>≈ %1</source>
        <translation>≈ %1</translation>
    </message>
    <message>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <source>± 0 %</source>
        <translation>± 0 %</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <source>Entered by hand</source>
        <translation>Von Hand eingegeben</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importiert</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Beitrag</translation>
    </message>
    <message>
        <source>Story</source>
        <translation>Story</translation>
    </message>
    <message>
        <source>Reel</source>
        <translation>Reel</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Short</source>
        <translation>Short</translation>
    </message>
    <message>
        <source>Livestream</source>
        <translation>Livestream</translation>
    </message>
    <message>
        <source>Blog post</source>
        <translation>Blogartikel</translation>
    </message>
    <message>
        <source>No figures yet.</source>
        <translation>Noch keine Zahlen.</translation>
    </message>
    <message>
        <source>Figures as of %1</source>
        <translation>Zahlen vom %1</translation>
    </message>
</context>
<context>
    <name>AuthenticityText</name>
    <message>
        <source>Followers rose %1 over %2 days from %3 without more views or engagement</source>
        <translation>Follower stiegen ab %3 über %2 Tage um %1, ohne mehr Aufrufe oder Engagement</translation>
    </message>
    <message>
        <source>Followers jumped %1 on %2 without more views or engagement</source>
        <translation>Follower sprangen am %2 um %1, ohne mehr Aufrufe oder Engagement</translation>
    </message>
    <message>
        <source>Followers rose %1 over %2 days from %3 with a views or engagement spike (organic)</source>
        <translation>Follower stiegen ab %3 über %2 Tage um %1, mit einer Spitze bei Aufrufen oder Engagement (organisch)</translation>
    </message>
    <message>
        <source>Followers jumped %1 on %2 with a views or engagement spike (organic)</source>
        <translation>Follower sprangen am %2 um %1, mit einer Spitze bei Aufrufen oder Engagement (organisch)</translation>
    </message>
    <message>
        <source>Followers rose %1 over %2 days from %3 and fell back within days (follow/unfollow churn)</source>
        <translation>Follower stiegen ab %3 über %2 Tage um %1 und fielen binnen Tagen zurück (Folgen und Entfolgen)</translation>
    </message>
    <message>
        <source>Followers jumped %1 on %2 and fell back within days (follow/unfollow churn)</source>
        <translation>Follower sprangen am %2 um %1 und fielen binnen Tagen zurück (Folgen und Entfolgen)</translation>
    </message>
    <message>
        <source>Follower jump without attention (bought followers?)</source>
        <translation>Follower-Sprung ohne Aufmerksamkeit (gekaufte Follower?)</translation>
    </message>
    <message>
        <source>Organic spike</source>
        <translation>Organische Spitze</translation>
    </message>
    <message>
        <source>Follow/unfollow churn</source>
        <translation>Folgen und Entfolgen</translation>
    </message>
    <message>
        <source>%1 of 100</source>
        <translation>%1 von 100</translation>
    </message>
    <message>
        <source>not assessed yet (the history is too short to judge)</source>
        <translation>noch nicht bewertet (der Verlauf ist zu kurz für ein Urteil)</translation>
    </message>
</context>
<context>
    <name>CampaignReport</name>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Campaign report: %1</source>
        <translation>Kampagnenbericht: %1</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Campaign report</source>
        <translation>Kampagnenbericht</translation>
    </message>
    <message>
        <source>Period: %1 – %2</source>
        <translation>Zeitraum: %1 – %2</translation>
    </message>
    <message>
        <source>Currency: %1 · EMV table: %2</source>
        <translation>Währung: %1 · EMV-Tabelle: %2</translation>
    </message>
    <message>
        <source>Prepared on %1</source>
        <translation>Erstellt am %1</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>Kennzahlen</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Kennzahl</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>How it is computed</source>
        <translation>Berechnung</translation>
    </message>
    <message>
        <source>≈ Reach is partly estimated: followers at publication × the platform&apos;s reach factor where a post has no reach figure.</source>
        <translation>≈ Die Reichweite ist teilweise geschätzt: Follower bei Veröffentlichung × Reichweitenfaktor der Plattform, wo ein Beitrag keine Reichweite hat.</translation>
    </message>
    <message>
        <source>ROI is media-value ROI, not sales: no conversions are tracked.</source>
        <translation>Der ROI bezieht sich auf den Medienwert, nicht auf Umsatz: Conversions werden nicht erfasst.</translation>
    </message>
    <message>
        <source>Performance over time</source>
        <translation>Entwicklung im Zeitraum</translation>
    </message>
    <message>
        <source>Engagements per creator</source>
        <translation>Interaktionen pro Creator</translation>
    </message>
    <message>
        <source>Per creator</source>
        <translation>Pro Creator</translation>
    </message>
    <message>
        <source>Creator</source>
        <translation>Creator</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>Beiträge</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Aufrufe</translation>
    </message>
    <message>
        <source>Reach</source>
        <translation>Reichweite</translation>
    </message>
    <message>
        <source>Engagements</source>
        <translation>Interaktionen</translation>
    </message>
    <message>
        <source>Eng. rate</source>
        <translation>Int.-Rate</translation>
    </message>
    <message>
        <source>Spend</source>
        <translation>Ausgaben</translation>
    </message>
    <message>
        <source>CPE</source>
        <translation>CPE</translation>
    </message>
    <message>
        <source>EMV</source>
        <translation>EMV</translation>
    </message>
    <message>
        <source>Per post</source>
        <translation>Pro Beitrag</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Beitrag</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Veröffentlicht</translation>
    </message>
    <message>
        <source>EMV table used</source>
        <translation>Verwendete EMV-Tabelle</translation>
    </message>
    <message>
        <source>the brand&apos;s own</source>
        <translation>die eigene der Marke</translation>
    </message>
    <message>
        <source>the built-in default</source>
        <translation>der eingebaute Standard</translation>
    </message>
    <message>
        <source>Values per action in minor units of %1 (per 1,000 for impressions).</source>
        <translation>Werte pro Aktion in kleinsten Einheiten von %1 (bei Impressionen pro 1.000).</translation>
    </message>
    <message>
        <source>The table&apos;s values could not be read.</source>
        <translation>Die Werte der Tabelle konnten nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <source>1,000 impr.</source>
        <translation>1.000 Impr.</translation>
    </message>
    <message>
        <source>View</source>
        <translation>Aufruf</translation>
    </message>
    <message>
        <source>Like</source>
        <translation>Like</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Teilung</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speicherung</translation>
    </message>
    <message>
        <source>Click</source>
        <translation>Klick</translation>
    </message>
    <message>
        <source>%1, %2, last changed %3</source>
        <translation>%1, %2, zuletzt geändert am %3</translation>
    </message>
    <message>
        <source>none for %1</source>
        <translation>keine für %1</translation>
    </message>
</context>
<context>
    <name>CampaignText</name>
    <message>
        <source>Launch</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Abschließen</translation>
    </message>
    <message>
        <source>Cancel campaign</source>
        <translation>Kampagne abbrechen</translation>
    </message>
</context>
<context>
    <name>CsvExport</name>
    <message>
        <source>Export as CSV</source>
        <translation>Als CSV exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
</context>
<context>
    <name>DealConfirmation</name>
    <message>
        <source>Withdraw from the deal?</source>
        <translation>Deal zurückziehen?</translation>
    </message>
    <message>
        <source>Cancel the deal?</source>
        <translation>Deal stornieren?</translation>
    </message>
    <message>
        <source>Decline the offer?</source>
        <translation>Angebot ablehnen?</translation>
    </message>
    <message>
        <source>the other side</source>
        <translation>der anderen Seite</translation>
    </message>
    <message>
        <source>Withdraw from the deal with %1 in “%2”? The deal ends for both sides and cannot be reopened.</source>
        <translation>Den Deal mit %1 in „%2“ zurückziehen? Der Deal endet für beide Seiten und kann nicht wieder geöffnet werden.</translation>
    </message>
    <message>
        <source>Cancel the deal with %1 in “%2”? Work on it stops for both sides and the deal cannot be reopened.</source>
        <translation>Den Deal mit %1 in „%2“ stornieren? Die Arbeit daran endet für beide Seiten, und der Deal kann nicht wieder geöffnet werden.</translation>
    </message>
    <message>
        <source>Decline the offer from %1 in “%2”? The deal ends; working together in this campaign again takes a new invitation or application.</source>
        <translation>Das Angebot von %1 in „%2“ ablehnen? Der Deal endet; für eine erneute Zusammenarbeit in dieser Kampagne braucht es eine neue Einladung oder Bewerbung.</translation>
    </message>
    <message>
        <source>&amp;Withdraw</source>
        <translation>&amp;Zurückziehen</translation>
    </message>
    <message>
        <source>&amp;Cancel the deal</source>
        <translation>Deal &amp;stornieren</translation>
    </message>
    <message>
        <source>&amp;Decline</source>
        <translation>&amp;Ablehnen</translation>
    </message>
    <message>
        <source>&amp;Keep the deal</source>
        <translation>Deal &amp;behalten</translation>
    </message>
</context>
<context>
    <name>DealText</name>
    <message>
        <source>withdraw</source>
        <translation>zurückziehen</translation>
    </message>
    <message>
        <source>start</source>
        <translation>beginnen</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>abschließen</translation>
    </message>
    <message>
        <source>cancel</source>
        <translation>abbrechen</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Angenommen</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Countered</source>
        <translation>Gegenangebot erhalten</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Zurückgezogen</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>In Prüfung</translation>
    </message>
    <message>
        <source>Changes requested</source>
        <translation>Änderungen erbeten</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Veröffentlicht</translation>
    </message>
    <message>
        <source>with the first draft</source>
        <translation>mit dem ersten Entwurf</translation>
    </message>
    <message>
        <source>every deliverable is live</source>
        <translation>alle Leistungen sind veröffentlicht</translation>
    </message>
    <message>
        <source>the campaign was cancelled</source>
        <translation>die Kampagne wurde abgebrochen</translation>
    </message>
    <message>
        <source>the campaign was completed</source>
        <translation>die Kampagne wurde abgeschlossen</translation>
    </message>
    <message>
        <source>fee %1</source>
        <translation>Honorar %1</translation>
    </message>
    <message>
        <source>with an offer</source>
        <translation>mit einem Angebot</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>version %1: %2</source>
        <translation>Version %1: %2</translation>
    </message>
    <message>
        <source>was %1</source>
        <translation>vorher %1</translation>
    </message>
    <message>
        <source>%1 × %2 on %3, due %4</source>
        <translation>%1 × %2 auf %3, fällig am %4</translation>
    </message>
    <message>
        <source>Influence</source>
        <translation>Influence</translation>
    </message>
    <message>
        <source>Creator</source>
        <translation>Creator</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>Marke</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Sie</translation>
    </message>
</context>
<context>
    <name>DesktopApp</name>
    <message>
        <source>Influence desktop app for agency staff.</source>
        <translation>Influence-Desktop-App für Agenturmitarbeitende.</translation>
    </message>
    <message>
        <source>Connect to this server URL.</source>
        <translation>Mit dieser Server-URL verbinden.</translation>
    </message>
    <message>
        <source>User interface language (en, de).</source>
        <translation>Sprache der Benutzeroberfläche (en, de).</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>The server could not be reached.</source>
        <translation>Der Server ist nicht erreichbar.</translation>
    </message>
    <message>
        <source>The server is busy or its database is unavailable.</source>
        <translation>Der Server ist ausgelastet oder seine Datenbank ist nicht verfügbar.</translation>
    </message>
    <message>
        <source>Please sign in again.</source>
        <translation>Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>You are not allowed to do this.</source>
        <translation>Dazu sind Sie nicht berechtigt.</translation>
    </message>
    <message>
        <source>This was not found. It may have been deleted.</source>
        <translation>Nicht gefunden. Möglicherweise wurde es gelöscht.</translation>
    </message>
    <message>
        <source>Some of the information is not valid.</source>
        <translation>Einige Angaben sind ungültig.</translation>
    </message>
    <message>
        <source>This conflicts with a change made elsewhere.</source>
        <translation>Dies steht im Konflikt mit einer anderen Änderung.</translation>
    </message>
    <message>
        <source>Too many requests. Please wait a moment.</source>
        <translation>Zu viele Anfragen. Bitte warten Sie einen Moment.</translation>
    </message>
    <message>
        <source>The server sent an answer this app does not understand.</source>
        <translation>Der Server hat eine Antwort gesendet, die diese App nicht versteht.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>The server ran into a problem.</source>
        <translation>Auf dem Server ist ein Problem aufgetreten.</translation>
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation>Etwas ist schiefgelaufen.</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Details: %1</translation>
    </message>
    <message>
        <source>The e-mail address or the password is not correct.</source>
        <translation>Die E-Mail-Adresse oder das Passwort ist nicht korrekt.</translation>
    </message>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation>Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>This account has been disabled.</source>
        <translation>Dieses Konto wurde deaktiviert.</translation>
    </message>
    <message>
        <source>The sign-in was not accepted: it was used already or took too long. Please sign in again.</source>
        <translation>Die Anmeldung wurde nicht angenommen: Sie wurde bereits verwendet oder hat zu lange gedauert. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>The server did not allow this step in the current state.</source>
        <translation>Der Server lässt diesen Schritt im aktuellen Status nicht zu.</translation>
    </message>
    <message>
        <source>Only the latest offer can be answered.</source>
        <translation>Nur auf das neueste Angebot kann geantwortet werden.</translation>
    </message>
    <message>
        <source>It is the other side&apos;s turn.</source>
        <translation>Die andere Seite ist am Zug.</translation>
    </message>
    <message>
        <source>Drafts are still waiting for review.</source>
        <translation>Entwürfe warten noch auf Prüfung.</translation>
    </message>
    <message>
        <source>Some deliverables are neither approved nor live.</source>
        <translation>Einige Leistungen sind weder freigegeben noch veröffentlicht.</translation>
    </message>
    <message>
        <source>This creator already has a deal in this campaign.</source>
        <translation>Dieser Creator hat in dieser Kampagne bereits einen Deal.</translation>
    </message>
    <message>
        <source>Applications are closed.</source>
        <translation>Die Bewerbungsfrist ist vorbei.</translation>
    </message>
    <message>
        <source>The campaign&apos;s budget does not cover this fee.</source>
        <translation>Das Budget der Kampagne deckt dieses Honorar nicht.</translation>
    </message>
    <message>
        <source>The budget cannot be lower than what is committed and paid already.</source>
        <translation>Das Budget kann nicht niedriger sein als das bereits Zugesagte und Bezahlte.</translation>
    </message>
    <message>
        <source>The creator cannot be paid yet.</source>
        <translation>Der Creator kann noch nicht bezahlt werden.</translation>
    </message>
    <message>
        <source>The server could not tell this request from another. Please try again.</source>
        <translation>Der Server konnte diese Anfrage nicht von einer anderen unterscheiden. Bitte versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Another list of the brand has this name.</source>
        <translation>Eine andere Liste der Marke hat diesen Namen.</translation>
    </message>
    <message>
        <source>The webhook address must be a complete https address (https://…).</source>
        <translation>Die Webhook-Adresse muss eine vollständige https-Adresse sein (https://…).</translation>
    </message>
    <message>
        <source>The webhook address points to a private or local network; only public addresses on the internet can receive webhooks.</source>
        <translation>Die Webhook-Adresse zeigt in ein privates oder lokales Netz; nur öffentliche Adressen im Internet können Webhooks empfangen.</translation>
    </message>
</context>
<context>
    <name>Formats</name>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message>
        <source>1 minute ago</source>
        <translation>vor 1 Minute</translation>
    </message>
    <message>
        <source>%1 minutes ago</source>
        <translation>vor %1 Minuten</translation>
    </message>
    <message>
        <source>1 hour ago</source>
        <translation>vor 1 Stunde</translation>
    </message>
    <message>
        <source>%1 hours ago</source>
        <translation>vor %1 Stunden</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
</context>
<context>
    <name>Names</name>
    <message>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Invited</source>
        <translation>Eingeladen</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>Beworben</translation>
    </message>
    <message>
        <source>Negotiating</source>
        <translation>In Verhandlung</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Angenommen</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Zurückgezogen</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>Marke</translation>
    </message>
    <message>
        <source>Creator</source>
        <translation>Creator</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <source>Approved with changes</source>
        <translation>Mit Änderungen freigegeben</translation>
    </message>
    <message>
        <source>Changes requested</source>
        <translation>Änderungen erbeten</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Beitrag</translation>
    </message>
    <message>
        <source>Story</source>
        <translation>Story</translation>
    </message>
    <message>
        <source>Reel</source>
        <translation>Reel</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Short</source>
        <translation>Short</translation>
    </message>
    <message>
        <source>Livestream</source>
        <translation>Livestream</translation>
    </message>
    <message>
        <source>Blog article</source>
        <translation>Blogartikel</translation>
    </message>
    <message>
        <source>Creator invited</source>
        <translation>Creator eingeladen</translation>
    </message>
    <message>
        <source>Creator applied</source>
        <translation>Creator hat sich beworben</translation>
    </message>
    <message>
        <source>Offer made</source>
        <translation>Angebot gemacht</translation>
    </message>
    <message>
        <source>Offer accepted</source>
        <translation>Angebot angenommen</translation>
    </message>
    <message>
        <source>Offer declined</source>
        <translation>Angebot abgelehnt</translation>
    </message>
    <message>
        <source>Work started</source>
        <translation>Arbeit begonnen</translation>
    </message>
    <message>
        <source>Deal withdrawn</source>
        <translation>Deal zurückgezogen</translation>
    </message>
    <message>
        <source>Deal cancelled</source>
        <translation>Deal storniert</translation>
    </message>
    <message>
        <source>Deal completed</source>
        <translation>Deal abgeschlossen</translation>
    </message>
    <message>
        <source>Draft submitted</source>
        <translation>Entwurf eingereicht</translation>
    </message>
    <message>
        <source>Draft reviewed</source>
        <translation>Entwurf geprüft</translation>
    </message>
    <message>
        <source>Post live</source>
        <translation>Beitrag veröffentlicht</translation>
    </message>
    <message>
        <source>Message written</source>
        <translation>Nachricht geschrieben</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>In Bearbeitung</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Bezahlt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>on acceptance</source>
        <translation>bei Annahme</translation>
    </message>
    <message>
        <source>on approval</source>
        <translation>bei Freigabe</translation>
    </message>
    <message>
        <source>when live</source>
        <translation>bei Veröffentlichung</translation>
    </message>
    <message>
        <source>on completion</source>
        <translation>bei Abschluss</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keines</translation>
    </message>
    <message>
        <source>%1 % %2</source>
        <extracomment>An installment: &quot;50 % when live&quot;</extracomment>
        <translation>%1 % %2</translation>
    </message>
    <message>
        <source>%1 · net 1 day</source>
        <translation>%1 · zahlbar innerhalb 1 Tages</translation>
    </message>
    <message>
        <source>%1 · net %2 days</source>
        <translation>%1 · zahlbar innerhalb %2 Tagen</translation>
    </message>
    <message>
        <source>a payout account the payment provider has enabled</source>
        <translation>ein vom Zahlungsanbieter freigeschaltetes Auszahlungskonto</translation>
    </message>
    <message>
        <source>a tax form on file</source>
        <translation>ein hinterlegtes Steuerformular</translation>
    </message>
    <message>
        <source>Installment payable</source>
        <translation>Rate zahlbar</translation>
    </message>
    <message>
        <source>Payout approved</source>
        <translation>Auszahlung freigegeben</translation>
    </message>
    <message>
        <source>Payout paid</source>
        <translation>Auszahlung bezahlt</translation>
    </message>
    <message>
        <source>Payout failed</source>
        <translation>Auszahlung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Payout reversed</source>
        <translation>Auszahlung zurückgebucht</translation>
    </message>
    <message>
        <source>Payout cancelled</source>
        <translation>Auszahlung storniert</translation>
    </message>
    <message>
        <source>Not payable yet</source>
        <translation>Noch nicht zahlbar</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Verspätet</translation>
    </message>
    <message>
        <source>Post overdue</source>
        <translation>Beitrag überfällig</translation>
    </message>
    <message>
        <source>Post due soon</source>
        <translation>Beitrag bald fällig</translation>
    </message>
    <message>
        <source>Art</source>
        <translation>Kunst</translation>
    </message>
    <message>
        <source>Automotive</source>
        <translation>Auto und Motor</translation>
    </message>
    <message>
        <source>Beauty</source>
        <translation>Beauty</translation>
    </message>
    <message>
        <source>Comedy</source>
        <translation>Comedy</translation>
    </message>
    <message>
        <source>DIY</source>
        <translation>Heimwerken und DIY</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>Bildung</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Familie</translation>
    </message>
    <message>
        <source>Fashion</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>Finance</source>
        <translation>Finanzen</translation>
    </message>
    <message>
        <source>Fitness</source>
        <translation>Fitness</translation>
    </message>
    <message>
        <source>Food</source>
        <translation>Essen und Trinken</translation>
    </message>
    <message>
        <source>Gaming</source>
        <translation>Gaming</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Gesundheit</translation>
    </message>
    <message>
        <source>Home &amp; living</source>
        <translation>Wohnen &amp; Einrichten</translation>
    </message>
    <message>
        <source>Lifestyle</source>
        <translation>Lifestyle</translation>
    </message>
    <message>
        <source>Music</source>
        <translation>Musik</translation>
    </message>
    <message>
        <source>Outdoors</source>
        <translation>Outdoor</translation>
    </message>
    <message>
        <source>Pets</source>
        <translation>Haustiere</translation>
    </message>
    <message>
        <source>Photography</source>
        <translation>Fotografie</translation>
    </message>
    <message>
        <source>Sports</source>
        <translation>Sport</translation>
    </message>
    <message>
        <source>Sustainability</source>
        <translation>Nachhaltigkeit</translation>
    </message>
    <message>
        <source>Tech</source>
        <translation>Technik</translation>
    </message>
    <message>
        <source>Travel</source>
        <translation>Reisen</translation>
    </message>
    <message>
        <source>Wellness</source>
        <translation>Wellness</translation>
    </message>
</context>
<context>
    <name>NotificationText</name>
    <message>
        <source>The other side</source>
        <translation>Die Gegenseite</translation>
    </message>
    <message>
        <source>The creator</source>
        <translation>Der Creator</translation>
    </message>
    <message>
        <source>The brand</source>
        <translation>Die Marke</translation>
    </message>
    <message>
        <source>%1 invited you to collaborate.</source>
        <translation>%1 hat Sie zu einer Zusammenarbeit eingeladen.</translation>
    </message>
    <message>
        <source>%1 applied to your campaign.</source>
        <translation>%1 hat sich auf Ihre Kampagne beworben.</translation>
    </message>
    <message>
        <source>%1 accepted your offer.</source>
        <translation>%1 hat Ihr Angebot angenommen.</translation>
    </message>
    <message>
        <source>%1 declined your offer.</source>
        <translation>%1 hat Ihr Angebot abgelehnt.</translation>
    </message>
    <message>
        <source>%1 withdrew from the deal.</source>
        <translation>%1 hat sich aus dem Deal zurückgezogen.</translation>
    </message>
    <message>
        <source>%1 sent a draft for your review.</source>
        <translation>%1 hat einen Entwurf zur Prüfung geschickt.</translation>
    </message>
    <message>
        <source>%1 published a post.</source>
        <translation>%1 hat einen Beitrag veröffentlicht.</translation>
    </message>
    <message>
        <source>%1 sent an offer.</source>
        <translation>%1 hat ein Angebot geschickt.</translation>
    </message>
    <message>
        <source>%1 sent a counter-offer.</source>
        <translation>%1 hat ein Gegenangebot geschickt.</translation>
    </message>
    <message>
        <source>%1 sent a new offer.</source>
        <translation>%1 hat ein neues Angebot geschickt.</translation>
    </message>
    <message>
        <source>%1 sent a first draft: work on the deal has started.</source>
        <translation>%1 hat einen ersten Entwurf geschickt: Die Arbeit am Deal hat begonnen.</translation>
    </message>
    <message>
        <source>%1 started work on the deal.</source>
        <translation>%1 hat die Arbeit am Deal begonnen.</translation>
    </message>
    <message>
        <source>Every post for the deal with %1 is live: the deal is completed.</source>
        <translation>Alle Beiträge des Deals mit %1 sind live: Der Deal ist abgeschlossen.</translation>
    </message>
    <message>
        <source>%1 completed the deal.</source>
        <translation>%1 hat den Deal abgeschlossen.</translation>
    </message>
    <message>
        <source>%1 cancelled the campaign, and with it the deal.</source>
        <translation>%1 hat die Kampagne abgebrochen und damit auch den Deal storniert.</translation>
    </message>
    <message>
        <source>%1 completed the campaign before the deal was agreed: the deal is cancelled.</source>
        <translation>%1 hat die Kampagne beendet, bevor der Deal vereinbart war: Der Deal ist storniert.</translation>
    </message>
    <message>
        <source>%1 cancelled the deal.</source>
        <translation>%1 hat den Deal storniert.</translation>
    </message>
    <message>
        <source>%1 reviewed your draft: %2.</source>
        <translation>%1 hat Ihren Entwurf geprüft: %2.</translation>
    </message>
    <message>
        <source>%1 reviewed your draft.</source>
        <translation>%1 hat Ihren Entwurf geprüft.</translation>
    </message>
    <message>
        <source>%1 sent a message.</source>
        <translation>%1 hat eine Nachricht geschickt.</translation>
    </message>
    <message>
        <source>%1 wrote: “%2”</source>
        <translation>%1 schrieb: „%2“</translation>
    </message>
    <message>
        <source>Reminder: a post for “%1” is due on %2.</source>
        <translation>Erinnerung: Ein Beitrag für „%1“ ist am %2 fällig.</translation>
    </message>
    <message>
        <source>A post for “%1” was due on %2 and is not live yet.</source>
        <translation>Ein Beitrag für „%1“ war am %2 fällig und ist noch nicht veröffentlicht.</translation>
    </message>
    <message>
        <source>A payout of %1 for “%2” is late: it was due and is not paid yet.</source>
        <translation>Eine Auszahlung über %1 für „%2“ ist überfällig: Sie war fällig und ist noch nicht bezahlt.</translation>
    </message>
    <message>
        <source>A payout of %1 for “%2” goes back to the brand in a week unless payout details are added.</source>
        <translation>Eine Auszahlung über %1 für „%2“ geht in einer Woche an die Marke zurück, wenn keine Auszahlungsdaten hinterlegt werden.</translation>
    </message>
    <message>
        <source>A payout of %1 for “%2” went back to the campaign&apos;s budget: no payout details were given in time.</source>
        <translation>Eine Auszahlung über %1 für „%2“ ist ins Budget der Kampagne zurückgegangen: Es wurden nicht rechtzeitig Auszahlungsdaten hinterlegt.</translation>
    </message>
    <message>
        <source>The automation “%1” ran.</source>
        <translation>Die Automatisierung „%1“ wurde ausgeführt.</translation>
    </message>
    <message>
        <source>%1 (automation “%2”)</source>
        <translation>%1 (Automatisierung „%2“)</translation>
    </message>
</context>
<context>
    <name>PipelineCsv</name>
    <message>
        <source>Campaign</source>
        <translation>Kampagne</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Creator</source>
        <translation>Creator</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>Nur überfällige</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>Marke</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Honorar</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>Letzte Änderung</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
</context>
<context>
    <name>RecommendationText</name>
    <message>
        <source>Topic</source>
        <translation>Thema</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>Publikum</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Engagement</source>
        <translation>Engagement</translation>
    </message>
    <message>
        <source>Authenticity</source>
        <translation>Echtheit</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Past performance</source>
        <translation>Bisherige Leistung</translation>
    </message>
    <message>
        <source>Declines</source>
        <translation>Absagen</translation>
    </message>
    <message>
        <source>The brief and wanted niches against the creator&apos;s niches, bio and posts.</source>
        <translation>Briefing und gewünschte Nischen im Vergleich zu Nischen, Bio und Beiträgen des Creators.</translation>
    </message>
    <message>
        <source>The audience&apos;s countries and languages against the campaign&apos;s targeting.</source>
        <translation>Länder und Sprachen des Publikums im Vergleich zur Zielgruppe der Kampagne.</translation>
    </message>
    <message>
        <source>Followers against the wanted range.</source>
        <translation>Follower im Vergleich zum gewünschten Bereich.</translation>
    </message>
    <message>
        <source>Engagement rate against the platform&apos;s median.</source>
        <translation>Engagement-Rate im Vergleich zum Median der Plattform.</translation>
    </message>
    <message>
        <source>How natural the follower growth looks (0–100).</source>
        <translation>Wie natürlich das Follower-Wachstum wirkt (0–100).</translation>
    </message>
    <message>
        <source>The creator&apos;s rate against what is left of the budget.</source>
        <translation>Der Preis des Creators im Vergleich zum verbleibenden Budget.</translation>
    </message>
    <message>
        <source>Cost per engagement on completed deals against the platform&apos;s median.</source>
        <translation>Kosten pro Engagement abgeschlossener Deals im Vergleich zum Median der Plattform.</translation>
    </message>
    <message>
        <source>A penalty for invitations declined recently.</source>
        <translation>Ein Abzug für kürzlich abgelehnte Einladungen.</translation>
    </message>
    <message>
        <source>Niches %1 match the campaign; bio and posts mention %2</source>
        <translation>Die Nischen %1 passen zur Kampagne; Bio und Beiträge erwähnen %2</translation>
    </message>
    <message>
        <source>Niches %1 match the campaign</source>
        <translation>Die Nischen %1 passen zur Kampagne</translation>
    </message>
    <message>
        <source>Bio and posts mention %1</source>
        <translation>Bio und Beiträge erwähnen %1</translation>
    </message>
    <message>
        <source>No niche or word of the brief found in the profile or posts</source>
        <translation>Keine Nische und kein Wort des Briefings in Profil oder Beiträgen gefunden</translation>
    </message>
    <message>
        <source>the campaign targets no country</source>
        <translation>die Kampagne zielt auf kein bestimmtes Land</translation>
    </message>
    <message>
        <source>the campaign targets %1</source>
        <translation>die Kampagne zielt auf %1</translation>
    </message>
    <message>
        <source>%1 of the audience in %2; %3</source>
        <translation>%1 des Publikums in %2; %3</translation>
    </message>
    <message>
        <source>Based in %1 (no audience figures); %2</source>
        <translation>Ansässig in %1 (keine Publikumszahlen); %2</translation>
    </message>
    <message>
        <source>Country not known; %1</source>
        <translation>Land unbekannt; %1</translation>
    </message>
    <message>
        <source>speaks %1</source>
        <translation>spricht %1</translation>
    </message>
    <message>
        <source>%1 followers; the campaign wants %2 to %3</source>
        <translation>%1 Follower; die Kampagne sucht %2 bis %3</translation>
    </message>
    <message>
        <source>%1 followers; the campaign wants at least %2</source>
        <translation>%1 Follower; die Kampagne sucht mindestens %2</translation>
    </message>
    <message>
        <source>%1 followers; the campaign wants at most %2</source>
        <translation>%1 Follower; die Kampagne sucht höchstens %2</translation>
    </message>
    <message>
        <source>%1 followers; the campaign sets no range</source>
        <translation>%1 Follower; die Kampagne gibt keinen Bereich vor</translation>
    </message>
    <message>
        <source>No engagement rate known yet</source>
        <translation>Noch keine Engagement-Rate bekannt</translation>
    </message>
    <message>
        <source>Engagement rate %1 against a median of %2</source>
        <translation>Engagement-Rate %1 bei einem Median von %2</translation>
    </message>
    <message>
        <source>Engagement rate %1</source>
        <translation>Engagement-Rate %1</translation>
    </message>
    <message>
        <source>Authenticity score %1 of 100</source>
        <translation>Echtheitswert %1 von 100</translation>
    </message>
    <message>
        <source>Authenticity not assessed yet (counted as average)</source>
        <translation>Echtheit noch nicht bewertet (als Durchschnitt gezählt)</translation>
    </message>
    <message>
        <source>Rate %1 per %2; %3 left in the budget</source>
        <translation>Preis %1 pro %2; %3 im Budget übrig</translation>
    </message>
    <message>
        <source>Rate %1 per %2</source>
        <translation>Preis %1 pro %2</translation>
    </message>
    <message>
        <source>No completed deals to judge by yet</source>
        <translation>Noch keine abgeschlossenen Deals zum Vergleich</translation>
    </message>
    <message>
        <source>No invitation declined in the last %1 days</source>
        <translation>Keine Einladung in den letzten %1 Tagen abgelehnt</translation>
    </message>
    <message>
        <source>Niche</source>
        <translation>Nische</translation>
    </message>
    <message>
        <source>Topic word</source>
        <translation>Themenwort</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 followers</source>
        <translation>%1 Follower</translation>
    </message>
    <message>
        <source>nothing in particular</source>
        <translation>nichts Besonderes</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 und %2</translation>
    </message>
    <message>
        <source>Declined one invitation in the last %1 days</source>
        <translation>Eine Einladung in den letzten %1 Tagen abgelehnt</translation>
    </message>
    <message numerus="yes">
        <source>Declined %n invitations in the last %1 days</source>
        <translation>
            <numerusform>%n Einladung in den letzten %1 Tagen abgelehnt</numerusform>
            <numerusform>%n Einladungen in den letzten %1 Tagen abgelehnt</numerusform>
        </translation>
    </message>
    <message>
        <source>One completed deal; cost per engagement %1</source>
        <translation>Ein abgeschlossener Deal; Kosten pro Engagement %1</translation>
    </message>
    <message numerus="yes">
        <source>%n completed deals; cost per engagement %1</source>
        <translation>
            <numerusform>%n abgeschlossener Deal; Kosten pro Engagement %1</numerusform>
            <numerusform>%n abgeschlossene Deals; Kosten pro Engagement %1</numerusform>
        </translation>
    </message>
    <message>
        <source>One completed deal; cost per engagement %1 against a median of %2</source>
        <translation>Ein abgeschlossener Deal; Kosten pro Engagement %1 bei einem Median von %2</translation>
    </message>
    <message numerus="yes">
        <source>%n completed deals; cost per engagement %1 against a median of %2</source>
        <translation>
            <numerusform>%n abgeschlossener Deal; Kosten pro Engagement %1 bei einem Median von %2</numerusform>
            <numerusform>%n abgeschlossene Deals; Kosten pro Engagement %1 bei einem Median von %2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (counted as average)</source>
        <translation>%1 (als Durchschnitt gezählt)</translation>
    </message>
    <message>
        <source>No rate in %1: price not counted</source>
        <translation>Kein Preis in %1: Preis zählt nicht</translation>
    </message>
    <message>
        <source>No rate per %1 in %2: price not counted</source>
        <translation>Kein Preis pro %1 in %2: Preis zählt nicht</translation>
    </message>
</context>
<context>
    <name>RuleText</name>
    <message>
        <source>Deliverable approved</source>
        <translation>Leistung freigegeben</translation>
    </message>
    <message>
        <source>Post went live</source>
        <translation>Beitrag veröffentlicht</translation>
    </message>
    <message>
        <source>Offer accepted</source>
        <translation>Angebot angenommen</translation>
    </message>
    <message>
        <source>Creator applied</source>
        <translation>Creator hat sich beworben</translation>
    </message>
    <message>
        <source>Deliverable overdue</source>
        <translation>Leistung überfällig</translation>
    </message>
    <message>
        <source>Budget used above a share</source>
        <translation>Budget über einem Anteil verbraucht</translation>
    </message>
    <message>
        <source>Post views above a number</source>
        <translation>Aufrufe eines Beitrags über einer Zahl</translation>
    </message>
    <message>
        <source>When a campaign has committed or paid %1 % of its budget</source>
        <translation>Wenn eine Kampagne %1 % ihres Budgets gebunden oder bezahlt hat</translation>
    </message>
    <message>
        <source>When a campaign post passes %1 views</source>
        <translation>Wenn ein Kampagnenbeitrag %1 Aufrufe überschreitet</translation>
    </message>
    <message>
        <source>When a deliverable&apos;s draft is approved</source>
        <translation>Wenn der Entwurf einer Leistung freigegeben wird</translation>
    </message>
    <message>
        <source>When a live post is reported</source>
        <translation>Wenn ein veröffentlichter Beitrag gemeldet wird</translation>
    </message>
    <message>
        <source>When an offer is accepted</source>
        <translation>Wenn ein Angebot angenommen wird</translation>
    </message>
    <message>
        <source>When a creator applies to a campaign</source>
        <translation>Wenn sich ein Creator für eine Kampagne bewirbt</translation>
    </message>
    <message>
        <source>When a deliverable becomes overdue</source>
        <translation>Wenn eine Leistung überfällig wird</translation>
    </message>
    <message>
        <source>at once</source>
        <translation>sofort</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 Tag</translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message numerus="yes">
        <source>%n hours</source>
        <translation>
            <numerusform>%n Stunde</numerusform>
            <numerusform>%n Stunden</numerusform>
        </translation>
    </message>
    <message>
        <source>1 minute</source>
        <translation>1 Minute</translation>
    </message>
    <message numerus="yes">
        <source>%n minutes</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>after %1</source>
        <translation>nach %1</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Kampagne</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <source>Deliverable type</source>
        <translation>Art der Leistung</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Honorar</translation>
    </message>
    <message>
        <source>Still in the same state</source>
        <translation>Noch im selben Zustand</translation>
    </message>
    <message>
        <source>Still in the state it fired in (for example still overdue)</source>
        <translation>Noch im Zustand beim Auslösen (zum Beispiel noch überfällig)</translation>
    </message>
    <message>
        <source>%1 is %2</source>
        <translation>%1 ist %2</translation>
    </message>
    <message>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <source>%1 at least %2</source>
        <translation>%1 mindestens %2</translation>
    </message>
    <message>
        <source>%1 at most %2</source>
        <translation>%1 höchstens %2</translation>
    </message>
    <message>
        <source>Approve the payouts due</source>
        <translation>Fällige Auszahlungen freigeben</translation>
    </message>
    <message>
        <source>Send the creator a message</source>
        <translation>Dem Creator eine Nachricht senden</translation>
    </message>
    <message>
        <source>Notify the brand&apos;s staff</source>
        <translation>Das Team der Marke benachrichtigen</translation>
    </message>
    <message>
        <source>Call the brand&apos;s webhooks</source>
        <translation>Die Webhooks der Marke aufrufen</translation>
    </message>
    <message>
        <source>Add the creator to a shortlist</source>
        <translation>Den Creator auf eine Liste setzen</translation>
    </message>
    <message>
        <source>the creator&apos;s name</source>
        <translation>der Name des Creators</translation>
    </message>
    <message>
        <source>the campaign&apos;s name</source>
        <translation>der Name der Kampagne</translation>
    </message>
    <message>
        <source>the deliverable&apos;s type</source>
        <translation>die Art der Leistung</translation>
    </message>
    <message>
        <source>the deliverable&apos;s due date</source>
        <translation>das Fälligkeitsdatum der Leistung</translation>
    </message>
    <message>
        <source>a link to the deal</source>
        <translation>ein Link zum Deal</translation>
    </message>
    <message>
        <source>Approve the payout on approval</source>
        <translation>Auszahlung bei Freigabe freigeben</translation>
    </message>
    <message>
        <source>Thank the creator when the post is live</source>
        <translation>Dem Creator danken, wenn der Beitrag online ist</translation>
    </message>
    <message>
        <source>Nudge about an overdue deliverable</source>
        <translation>An eine überfällige Leistung erinnern</translation>
    </message>
    <message>
        <source>Warn at 80 % of the budget</source>
        <translation>Bei 80 % des Budgets warnen</translation>
    </message>
    <message>
        <source>Shortlist creators of viral posts</source>
        <translation>Creator viraler Beiträge auf eine Liste setzen</translation>
    </message>
    <message>
        <source>Welcome applicants</source>
        <translation>Bewerber begrüßen</translation>
    </message>
    <message>
        <source>When a draft is approved, approve the deal&apos;s payouts that are due, so the creator is paid without waiting for you.</source>
        <translation>Wenn ein Entwurf freigegeben wird, werden die fälligen Auszahlungen des Deals freigegeben, damit der Creator bezahlt wird, ohne auf Sie zu warten.</translation>
    </message>
    <message>
        <source>When a post goes live, thank the creator with a message on the deal.</source>
        <translation>Wenn ein Beitrag online geht, bekommt der Creator eine Dankesnachricht im Deal.</translation>
    </message>
    <message>
        <source>A day after a deliverable became overdue, remind the creator, unless it was delivered in the meantime.</source>
        <translation>Einen Tag nachdem eine Leistung überfällig wurde, wird der Creator erinnert, außer sie wurde inzwischen geliefert.</translation>
    </message>
    <message>
        <source>Tell the brand&apos;s staff when a campaign has committed or paid 80 % of its budget.</source>
        <translation>Das Team der Marke benachrichtigen, wenn eine Kampagne 80 % ihres Budgets gebunden oder bezahlt hat.</translation>
    </message>
    <message>
        <source>When a campaign post passes 100,000 views, add its creator to a shortlist of your choice.</source>
        <translation>Wenn ein Kampagnenbeitrag 100.000 Aufrufe überschreitet, kommt sein Creator auf eine Liste Ihrer Wahl.</translation>
    </message>
    <message>
        <source>When a creator applies to a campaign, welcome them with a message.</source>
        <translation>Wenn sich ein Creator für eine Kampagne bewirbt, wird er mit einer Nachricht begrüßt.</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Would fire</source>
        <translation>Würde auslösen</translation>
    </message>
    <message>
        <source>Would skip</source>
        <translation>Würde überspringen</translation>
    </message>
    <message>
        <source>Action %1</source>
        <translation>Aktion %1</translation>
    </message>
    <message>
        <source>Condition %1</source>
        <translation>Bedingung %1</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Auslöser</translation>
    </message>
    <message>
        <source>Delay</source>
        <translation>Wartezeit</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Aktionen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>is missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>is too long, or has too many entries</source>
        <translation>ist zu lang oder hat zu viele Einträge</translation>
    </message>
    <message>
        <source>is out of range</source>
        <translation>liegt außerhalb des erlaubten Bereichs</translation>
    </message>
    <message>
        <source>uses an unknown placeholder</source>
        <translation>verwendet einen unbekannten Platzhalter</translation>
    </message>
    <message>
        <source>is not valid</source>
        <translation>ist ungültig</translation>
    </message>
    <message>
        <source>once</source>
        <translation>einmal</translation>
    </message>
    <message numerus="yes">
        <source>%n times</source>
        <translation>
            <numerusform>%n Mal</numerusform>
            <numerusform>%n Mal</numerusform>
        </translation>
    </message>
    <message>
        <source>1 event</source>
        <translation>1 Ereignis</translation>
    </message>
    <message numerus="yes">
        <source>%n events</source>
        <translation>
            <numerusform>%n Ereignis</numerusform>
            <numerusform>%n Ereignisse</numerusform>
        </translation>
    </message>
    <message>
        <source>Over the last 30 days this rule would have fired %1 and skipped %2.</source>
        <translation>In den letzten 30 Tagen hätte diese Regel %1 ausgelöst und %2 übersprungen.</translation>
    </message>
    <message numerus="yes">
        <source>The latest %n are listed below.</source>
        <translation>
            <numerusform>Das neueste Ereignis (%n) ist unten aufgeführt.</numerusform>
            <numerusform>Die neuesten %n sind unten aufgeführt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WebhookTables</name>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>Last delivered %1.</source>
        <translation>Zuletzt zugestellt %1.</translation>
    </message>
    <message>
        <source>Nothing delivered yet.</source>
        <translation>Noch nichts zugestellt.</translation>
    </message>
    <message>
        <source>Enable it again (Edit) to start afresh.</source>
        <translation>Aktivieren Sie ihn wieder (Bearbeiten), um neu zu beginnen.</translation>
    </message>
    <message>
        <source>The previous secret signs too until %1.</source>
        <translation>Das bisherige Geheimnis signiert noch bis %1 mit.</translation>
    </message>
    <message>
        <source>Disabled after %1 failed attempts in a row, failing since %2.</source>
        <translation>Nach %1 fehlgeschlagenen Versuchen in Folge deaktiviert, fehlerhaft seit %2.</translation>
    </message>
</context>
<context>
    <name>WebhookText</name>
    <message>
        <source>Healthy</source>
        <translation>In Ordnung</translation>
    </message>
    <message>
        <source>Failing since %1</source>
        <translation>Fehler seit %1</translation>
    </message>
    <message>
        <source>Failing</source>
        <translation>Fehlerhaft</translation>
    </message>
    <message>
        <source>Disabled after repeated failures</source>
        <translation>Nach wiederholten Fehlern deaktiviert</translation>
    </message>
    <message>
        <source>Switched off</source>
        <translation>Ausgeschaltet</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>Alle Ereignisse</translation>
    </message>
    <message>
        <source>Test event</source>
        <translation>Testereignis</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Zugestellt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
</context>
<context>
    <name>influence::desktop::AccountsView</name>
    <message>
        <source>My accounts</source>
        <translation>Meine Konten</translation>
    </message>
    <message>
        <source>Connected accounts</source>
        <translation>Verbundene Konten</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <source>Handle</source>
        <translation>Handle</translation>
    </message>
    <message>
        <source>Followers</source>
        <translation>Follower</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>Ent&amp;fernen…</translation>
    </message>
    <message>
        <source>Add an account by hand</source>
        <translation>Ein Konto von Hand hinzufügen</translation>
    </message>
    <message>
        <source>Handle, e.g. @yourname</source>
        <translation>Handle, z. B. @ihrname</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>Connect an account through the platform (verified, with statistics)</source>
        <translation>Ein Konto über die Plattform verbinden (bestätigt, mit Statistiken)</translation>
    </message>
    <message>
        <source>Co&amp;nnect…</source>
        <translation>&amp;Verbinden…</translation>
    </message>
    <message>
        <source>Loading your accounts…</source>
        <translation>Ihre Konten werden geladen…</translation>
    </message>
    <message>
        <source>Added by hand</source>
        <translation>Von Hand hinzugefügt</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>⚠ Needs reconnection</source>
        <translation>⚠ Muss neu verbunden werden</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Getrennt</translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) need reconnection: %1. Choose the platform below and press Connect.</source>
        <translation>
            <numerusform>%n Konto muss neu verbunden werden: %1. Wählen Sie unten die Plattform und klicken Sie auf „Verbinden“.</numerusform>
            <numerusform>%n Konten müssen neu verbunden werden: %1. Wählen Sie unten die Plattform und klicken Sie auf „Verbinden“.</numerusform>
        </translation>
    </message>
    <message>
        <source>No accounts yet. Add one by hand or connect one below.</source>
        <translation>Noch keine Konten. Fügen Sie unten eines von Hand hinzu oder verbinden Sie eines.</translation>
    </message>
    <message>
        <source>Enter a handle of letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos; (at most 100).</source>
        <translation>Geben Sie ein Handle aus Buchstaben, Ziffern, „.“, „_“ oder „-“ ein (höchstens 100).</translation>
    </message>
    <message>
        <source>Adding…</source>
        <translation>Wird hinzugefügt…</translation>
    </message>
    <message>
        <source>This account is already listed, or you have no creator profile yet (save My profile first).</source>
        <translation>Dieses Konto ist schon eingetragen, oder Sie haben noch kein Creator-Profil (speichern Sie zuerst „Mein Profil“).</translation>
    </message>
    <message>
        <source>Added %1.</source>
        <translation>%1 hinzugefügt.</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>Konto entfernen</translation>
    </message>
    <message>
        <source>Remove %1? Its metric history is deleted too.</source>
        <translation>%1 entfernen? Sein Kennzahlenverlauf wird ebenfalls gelöscht.</translation>
    </message>
    <message>
        <source>Removing…</source>
        <translation>Wird entfernt…</translation>
    </message>
    <message>
        <source>Removed.</source>
        <translation>Entfernt.</translation>
    </message>
    <message>
        <source>Asking the server for the consent page…</source>
        <translation>Die Zustimmungsseite wird beim Server angefragt…</translation>
    </message>
    <message>
        <source>The server cannot connect this platform; add the account by hand.</source>
        <translation>Der Server kann diese Plattform nicht verbinden; fügen Sie das Konto von Hand hinzu.</translation>
    </message>
    <message>
        <source>The browser could not be opened. Open this address: %1</source>
        <translation>Der Browser konnte nicht geöffnet werden. Öffnen Sie diese Adresse: %1</translation>
    </message>
    <message>
        <source>Finish connecting in your browser; the list is updated when you come back to this page.</source>
        <translation>Schließen Sie das Verbinden im Browser ab; die Liste wird aktualisiert, wenn Sie zu dieser Seite zurückkehren.</translation>
    </message>
</context>
<context>
    <name>influence::desktop::ActionRow</name>
    <message>
        <source>Insert</source>
        <translation>Einfügen</translation>
    </message>
    <message>
        <source>Insert a placeholder, filled in when the rule fires</source>
        <translation>Einen Platzhalter einfügen, der beim Auslösen ausgefüllt wird</translation>
    </message>
    <message>
        <source>Remove this action</source>
        <translation>Diese Aktion entfernen</translation>
    </message>
    <message>
        <source>Thanks {{creator.name}} for your {{deliverable.type}}!</source>
        <translation>Danke {{creator.name}} für dein {{deliverable.type}}!</translation>
    </message>
    <message>
        <source>What the staff should know</source>
        <translation>Was das Team wissen sollte</translation>
    </message>
    <message>
        <source>Approves the deal&apos;s payouts that are due, with the usual checks.</source>
        <translation>Gibt die fälligen Auszahlungen des Deals frei, mit den üblichen Prüfungen.</translation>
    </message>
    <message>
        <source>Sends the event to the brand&apos;s webhook endpoints.</source>
        <translation>Sendet das Ereignis an die Webhook-Endpunkte der Marke.</translation>
    </message>
    <message>
        <source>No shortlists yet: make one on the Lists page</source>
        <translation>Noch keine Listen: Legen Sie eine auf der Seite „Listen“ an</translation>
    </message>
</context>
<context>
    <name>influence::desktop::AddToListButton</name>
    <message>
        <source>Select creators first</source>
        <translation>Zuerst Creator auswählen</translation>
    </message>
    <message>
        <source>Loading lists…</source>
        <translation>Listen werden geladen…</translation>
    </message>
    <message>
        <source>Adding…</source>
        <translation>Wird hinzugefügt…</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>&amp;New list…</source>
        <translation>&amp;Neue Liste…</translation>
    </message>
    <message>
        <source>New list</source>
        <translation>Neue Liste</translation>
    </message>
    <message>
        <source>Name of the new list:</source>
        <translation>Name der neuen Liste:</translation>
    </message>
    <message>
        <source>The list was not created: %1</source>
        <translation>Die Liste wurde nicht angelegt: %1</translation>
    </message>
    <message>
        <source>One creator was not added: %1</source>
        <translation>Ein Creator wurde nicht hinzugefügt: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n creators were not added: %1</source>
        <translation>
            <numerusform>%n Creator wurde nicht hinzugefügt: %1</numerusform>
            <numerusform>%n Creator wurden nicht hinzugefügt: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Added one creator to “%1”.</source>
        <translation>Ein Creator wurde zu „%1“ hinzugefügt.</translation>
    </message>
    <message numerus="yes">
        <source>Added %n creators to “%1”.</source>
        <translation>
            <numerusform>%n Creator wurde zu „%1“ hinzugefügt.</numerusform>
            <numerusform>%n Creator wurden zu „%1“ hinzugefügt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Add to &amp;list…</source>
        <translation>Zur &amp;Liste hinzufügen…</translation>
    </message>
    <message>
        <source>Add the creators to one of the brand&apos;s shortlists.</source>
        <translation>Die Creator zu einer der Shortlists der Marke hinzufügen.</translation>
    </message>
    <message>
        <source>New list for %1…</source>
        <translation>Neue Liste für %1…</translation>
    </message>
    <message>
        <source>New list for %1</source>
        <translation>Neue Liste für %1</translation>
    </message>
</context>
<context>
    <name>influence::desktop::AnalyticsSection</name>
    <message>
        <source>Export CSV…</source>
        <translation>Als CSV exportieren…</translation>
    </message>
</context>
<context>
    <name>influence::desktop::AnalyticsTable</name>
    <message>
        <source>Creator</source>
        <translation>Creator</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>Beiträge</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Aufrufe</translation>
    </message>
    <message>
        <source>Reach</source>
        <translation>Reichweite</translation>
    </message>
    <message>
        <source>Engagements</source>
        <translation>Interaktionen</translation>
    </message>
    <message>
        <source>Engagement rate</source>
        <translation>Interaktionsrate</translation>
    </message>
    <message>
        <source>Spend</source>
        <translation>Ausgaben</translation>
    </message>
    <message>
        <source>CPE</source>
        <translation>CPE</translation>
    </message>
    <message>
        <source>EMV</source>
        <translation>EMV</translation>
    </message>
    <message>
        <source>Evidence: %1</source>
        <translation>Nachweis: %1</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Veröffentlicht</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Kampagne</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Committed</source>
        <translation>Zugesagt</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Bezahlt</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>Verbleibend</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Impressions</source>
        <translation>Impressionen</translation>
    </message>
    <message>
        <source>Likes</source>
        <translation>Likes</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Kommentare</translation>
    </message>
    <message>
        <source>Shares</source>
        <translation>Teilungen</translation>
    </message>
    <message>
        <source>Saves</source>
        <translation>Speicherungen</translation>
    </message>
    <message>
        <source>Clicks</source>
        <translation>Klicks</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Nachweis</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>Nothing in this period.</source>
        <translation>In diesem Zeitraum gibt es nichts.</translation>
    </message>
</context>
<context>
    <name>influence::desktop::AuditLogPage</name>
    <message>
        <source>Audit log</source>
        <translation>Prüfprotokoll</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>An&amp;zeigen</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Alles</translation>
    </message>
    <message>
        <source>Campaigns and budgets</source>
        <translation>Kampagnen und Budgets</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>Deals</translation>
    </message>
    <message>
        <source>Payouts</source>
        <translation>Auszahlungen</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Load &amp;more</source>
        <translation>&amp;Weitere laden</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Loading the audit log…</source>
        <translation>Das Prüfprotokoll wird geladen…</translation>
    </message>
    <message>
        <source>Nothing recorded yet. Budget changes, payouts, accepted deals and team changes appear here as they happen.</source>
        <translation>Noch nichts aufgezeichnet. Budgetänderungen, Auszahlungen, angenommene Deals und Änderungen im Team erscheinen hier, sobald sie geschehen.</translation>
    </message>
    <message>
        <source>Budget changed</source>
        <translation>Budget geändert</translation>
    </message>
    <message>
        <source>Campaign status changed</source>
        <translation>Kampagnenstatus geändert</translation>
    </message>
    <message>
        <source>Campaign settings changed</source>
        <translation>Kampagneneinstellungen geändert</translation>
    </message>
    <message>
        <source>Payout scheduled</source>
        <translation>Auszahlung geplant</translation>
    </message>
    <message>
        <source>Payout approved</source>
        <translation>Auszahlung freigegeben</translation>
    </message>
    <message>
        <source>Payout sent to the provider</source>
        <translation>Auszahlung an den Zahlungsdienst übergeben</translation>
    </message>
    <message>
        <source>Payout paid</source>
        <translation>Auszahlung bezahlt</translation>
    </message>
    <message>
        <source>Payout failed</source>
        <translation>Auszahlung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Payout cancelled</source>
        <translation>Auszahlung storniert</translation>
    </message>
    <message>
        <source>Team member added</source>
        <translation>Teammitglied hinzugefügt</translation>
    </message>
    <message>
        <source>Team member removed</source>
        <translation>Teammitglied entfernt</translation>
    </message>
    <message>
        <source>Role changed</source>
        <translation>Rolle geändert</translation>
    </message>
    <message>
        <source>Account status changed</source>
        <translation>Kontostatus geändert</translation>
    </message>
    <message>
        <source>Deal: %1</source>
        <translation>Deal: %1</translation>
    </message>
    <message>
        <source>Campaign %1</source>
        <translation>Kampagne %1</translation>
    </message>
    <message>
        <source>Campaign “%1”</source>
        <translation>Kampagne „%1“</translation>
    </message>
    <message>
        <source>Deal %1</source>
        <translation>Deal %1</translation>
    </message>
    <message>
        <source>Payout %1</source>
        <translation>Auszahlung %1</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>Marke</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Honorar</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Zahlungsweg</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Mitglied</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The system</source>
        <translation>Das System</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 an %2</translation>
    </message>
    <message>
        <source>Deal with %1</source>
        <translation>Deal mit %1</translation>
    </message>
    <message>
        <source>Payout of %1</source>
        <translation>Auszahlung von %1</translation>
    </message>
    <message>
        <source>paid elsewhere</source>
        <translation>anderweitig bezahlt</translation>
    </message>
    <message>
        <source>payment provider</source>
        <translation>Zahlungsdienst</translation>
    </message>
    <message>
        <source>Launched</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Brief</source>
        <translation>Briefing</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Usage rights</source>
        <translation>Nutzungsrechte</translation>
    </message>
    <message>
        <source>Visibility</source>
        <translation>Sichtbarkeit</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Überweisung</translation>
    </message>
    <message>
        <source>Failure</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>Someone else</source>
        <translation>Jemand anderes</translation>
    </message>
    <message>
        <source>audit-log.csv</source>
        <translation>pruefprotokoll.csv</translation>
    </message>
    <message>
        <source>&amp;Period</source>
        <translation>Zeit&amp;raum</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Gesamter Zeitraum</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Letzte 90 Tage</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Dieses Jahr</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>Als CSV &amp;exportieren…</translation>
    </message>
    <message>
        <source>Only the brand&apos;s owner and administrators can read the audit log. Ask the owner if you need an entry from it.</source>
        <translation>Nur die Inhaberin oder der Inhaber der Marke und Administratoren können das Prüfprotokoll lesen. Fragen Sie die Inhaberin oder den Inhaber, wenn Sie einen Eintrag daraus brauchen.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Object id</source>
        <translation>Objekt-ID</translation>
    </message>
    <message>
        <source>The audit log was not exported. %1</source>
        <translation>Das Prüfprotokoll wurde nicht exportiert. %1</translation>
    </message>
    <message>
        <source>1 entry exported to %1.</source>
        <translation>1 Eintrag nach %1 exportiert.</translation>
    </message>
    <message>
        <source>%1 entries exported to %2.</source>
        <translation>%1 Einträge nach %2 exportiert.</translation>
    </message>
</context>
<context>
    <name>influence::desktop::AuthenticityPanel</name>
    <message>
        <source>%1 @%2: %3</source>
        <translation>%1 @%2: %3</translation>
    </message>
    <message numerus="yes">
        <source>• %n organic spike(s) with more views or engagement, not counted against the score</source>
        <translation>
            <numerusform>• %n organische Spitze mit mehr Aufrufen oder Engagement, nicht gegen den Wert gezählt</numerusform>
            <numerusform>• %n organische Spitzen mit mehr Aufrufen oder Engagement, nicht gegen den Wert gezählt</numerusform>
        </translation>
    </message>
    <message>
        <source>• Nothing suspicious found in the follower history</source>
        <translation>• Nichts Auffälliges im Follower-Verlauf gefunden</translation>
    </message>
    <message>
        <source>Authenticity</source>
        <translation>Echtheit</translation>
    </message>
    <message>
        <source>Authenticity score: %1, weighted by followers over the accounts. It falls with follower jumps that bring no more views or engagement (the sign of bought followers) and with follow/unfollow churn.</source>
        <translation>Echtheitswert: %1, über die Konten nach Followern gewichtet. Er sinkt bei Follower-Sprüngen, die keine zusätzlichen Aufrufe und kein Engagement bringen (das Zeichen gekaufter Follower), und bei Folgen und Entfolgen in kurzer Zeit.</translation>
    </message>
    <message>
        <source>No connected accounts to judge.</source>
        <translation>Keine verbundenen Konten zu beurteilen.</translation>
    </message>
    <message>
        <source>A spike is not proof of a purchase: a giveaway, a collaboration or an advert can bring many followers at once too. Check the dates against the creator&apos;s campaigns before judging.</source>
        <translation>Eine Spitze beweist keinen Kauf: Auch ein Gewinnspiel, eine Kooperation oder eine Werbeanzeige kann viele Follower auf einmal bringen. Vergleichen Sie die Daten mit den Kampagnen des Creators, bevor Sie urteilen.</translation>
    </message>
</context>
<context>
    <name>influence::desktop::AutomationsPage</name>
    <message>
        <source>Automations</source>
        <translation>Automatisierungen</translation>
    </message>
    <message>
        <source>&amp;New from template…</source>
        <translation>&amp;Neu aus Vorlage …</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>On</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Last fired</source>
        <translation>Zuletzt ausgelöst</translation>
    </message>
    <message>
        <source>Firings</source>
        <translation>Auslösungen</translation>
    </message>
    <message>
        <source>Whether the automation runs; untick to pause it.</source>
        <translation>Ob die Automatisierung läuft; Haken entfernen zum Pausieren.</translation>
    </message>
    <message>
        <source>Loading the brand&apos;s automations…</source>
        <translation>Automatisierungen der Marke werden geladen …</translation>
    </message>
    <message>
        <source>No automations yet — start from a template.</source>
        <translation>Noch keine Automatisierungen – beginnen Sie mit einer Vorlage.</translation>
    </message>
    <message>
        <source>Running: untick to pause</source>
        <translation>Läuft: Haken entfernen zum Pausieren</translation>
    </message>
    <message>
        <source>Paused: tick to run</source>
        <translation>Pausiert: Haken setzen zum Starten</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>The automation was not switched: %1</source>
        <translation>Die Automatisierung wurde nicht umgeschaltet: %1</translation>
    </message>
    <message>
        <source>“%1” is running.</source>
        <translation>„%1“ läuft.</translation>
    </message>
    <message>
        <source>“%1” is paused.</source>
        <translation>„%1“ ist pausiert.</translation>
    </message>
    <message>
        <source>“%1” saved.</source>
        <translation>„%1“ gespeichert.</translation>
    </message>
    <message>
        <source>Delete automation</source>
        <translation>Automatisierung löschen</translation>
    </message>
    <message>
        <source>Delete the automation “%1”? Its history goes with it; what it already did stays.</source>
        <translation>Die Automatisierung „%1“ löschen? Ihr Verlauf wird mitgelöscht; was sie schon getan hat, bleibt.</translation>
    </message>
    <message>
        <source>The automation was not deleted: %1</source>
        <translation>Die Automatisierung wurde nicht gelöscht: %1</translation>
    </message>
    <message>
        <source>“%1” deleted.</source>
        <translation>„%1“ gelöscht.</translation>
    </message>
</context>
<context>
    <name>influence::desktop::BrandPicker</name>
    <message>
        <source>&amp;Brand:</source>
        <translation>&amp;Marke:</translation>
    </message>
    <message>
        <source>All brands</source>
        <translation>Alle Marken</translation>
    </message>
</context>
<context>
    <name>influence::desktop::BrandProfileView</name>
    <message>
        <source>My brand</source>
        <translation>Meine Marke</translation>
    </message>
    <message>
        <source>Company &amp;name</source>
        <translation>&amp;Firmenname</translation>
    </message>
    <message>
        <source>&amp;Website</source>
        <translation>&amp;Website</translation>
    </message>
    <message>
        <source>&amp;Industry</source>
        <translation>&amp;Branche</translation>
    </message>
    <message>
        <source>&amp;Country</source>
        <translation>&amp;Land</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>&amp;Create brand profile</source>
        <translation>Markenprofil &amp;anlegen</translation>
    </message>
    <message>
        <source>Creators see your brand&apos;s name on your campaigns, offers and messages.</source>
        <translation>Creator sehen den Namen Ihrer Marke bei Ihren Kampagnen, Angeboten und Nachrichten.</translation>
    </message>
    <message>
        <source>Your brand has no profile yet. Create it to run campaigns: creators see its name on your campaigns, offers and messages. (Staff who act for another&apos;s brand need none: its owner keeps that one.)</source>
        <translation>Ihre Marke hat noch kein Profil. Legen Sie es an, um Kampagnen zu führen: Creator sehen den Namen bei Ihren Kampagnen, Angeboten und Nachrichten. (Wer für die Marke eines anderen arbeitet, braucht keines: Dessen Profil pflegt die Inhaberin oder der Inhaber.)</translation>
    </message>
    <message>
        <source>Loading your brand…</source>
        <translation>Ihre Marke wird geladen…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Brand profile created. You can now create campaigns.</source>
        <translation>Markenprofil angelegt. Sie können jetzt Kampagnen anlegen.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>Please correct the marked field.</source>
        <translation>Bitte korrigieren Sie das markierte Feld.</translation>
    </message>
    <message>
        <source>Please correct the marked fields.</source>
        <translation>Bitte korrigieren Sie die markierten Felder.</translation>
    </message>
    <message>
        <source>Please fill this in.</source>
        <translation>Bitte ausfüllen.</translation>
    </message>
    <message>
        <source>At most 120 characters.</source>
        <translation>Höchstens 120 Zeichen.</translation>
    </message>
    <message>
        <source>At most 80 characters.</source>
        <translation>Höchstens 80 Zeichen.</translation>
    </message>
    <message>
        <source>Give an address starting with https:// or http://.</source>
        <translation>Geben Sie eine Adresse an, die mit https:// oder http:// beginnt.</translation>
    </message>
    <message>
        <source>Pick the country from the list.</source>
        <translation>Wählen Sie das Land aus der Liste.</translation>
    </message>
</context>
<context>
    <name>influence::desktop::BudgetBar</name>
    <message>
        <source>Paid %1</source>
        <translation>Bezahlt %1</translation>
    </message>
    <message>
        <source>Committed %1</source>
        <translation>Zugesagt %1</translation>
    </message>
    <message>
        <source>Remaining %1</source>
        <translation>Verfügbar %1</translation>
    </message>
    <message>
        <source>of a budget of %1</source>
        <translation>von %1 Budget</translation>
    </message>
    <message>
        <source>&lt;b&gt;Paid&lt;/b&gt; (%1): transferred to creators or recorded as paid.&lt;br&gt;&lt;b&gt;Committed&lt;/b&gt; (%2): fees of accepted deals not paid yet, reserved for them.&lt;br&gt;&lt;b&gt;Remaining&lt;/b&gt; (%3): what new deals can still be accepted for.</source>
        <translation>&lt;b&gt;Bezahlt&lt;/b&gt; (%1): an Creator überwiesen oder als bezahlt erfasst.&lt;br&gt;&lt;b&gt;Zugesagt&lt;/b&gt; (%2): Honorare angenommener Deals, noch nicht bezahlt und für sie reserviert.&lt;br&gt;&lt;b&gt;Verfügbar&lt;/b&gt; (%3): wofür noch neue Deals angenommen werden können.</translation>
    </message>
</context>
<context>
    <name>influence::desktop::CampaignAnalyticsTab</name>
    <message>
        <source>Adding up the campaign&apos;s figures…</source>
        <translation>Die Zahlen der Kampagne werden zusammengerechnet…</translation>
    </message>
    <message>
        <source>No figures yet: they appear once the campaign&apos;s creators publish their posts (or their figures are typed in).</source>
        <translation>Noch keine Zahlen: Sie erscheinen, sobald die Creator der Kampagne ihre Beiträge veröffentlichen (oder deren Zahlen eingegeben werden).</translation>
    </message>
    <message>
        <source>&amp;Enter figures…</source>
        <translation>Zahlen &amp;eingeben…</translation>
    </message>
    <message>
        <source>Open a campaign to see its figures.</source>
        <translation>Öffnen Sie eine Kampagne, um ihre Zahlen zu sehen.</translation>
    </message>
    <message>
        <source>Figures of %1 saved.</source>
        <translation>Zahlen vom %1 gespeichert.</translation>
    </message>
    <message>
        <source>Save the campaign report</source>
        <translation>Kampagnenbericht speichern</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>Der Bericht wird geschrieben…</translation>
    </message>
    <message>
        <source>Report saved as %1.</source>
        <translation>Bericht gespeichert als %1.</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Kampagne</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>Analytics</source>
        <translation>Analysen</translation>
    </message>
    <message>
        <source>Type a day&apos;s figures of a live deliverable (Stories, say).</source>
        <translation>Die Zahlen eines Tages für eine veröffentlichte Leistung eingeben (etwa für Storys).</translation>
    </message>
    <message>
        <source>PDF &amp;report…</source>
        <translation>PDF-&amp;Bericht…</translation>
    </message>
    <message>
        <source>Performance over time</source>
        <translation>Entwicklung im Zeitraum</translation>
    </message>
    <message>
        <source>Per creator</source>
        <translation>Pro Creator</translation>
    </message>
    <message>
        <source>Per post (double-click for its history)</source>
        <translation>Pro Beitrag (Doppelklick für seinen Verlauf)</translation>
    </message>
    <message>
        <source>EMV table: %1 (%2)</source>
        <translation>EMV-Tabelle: %1 (%2)</translation>
    </message>
    <message>
        <source>the brand&apos;s own</source>
        <translation>die eigene der Marke</translation>
    </message>
    <message>
        <source>the built-in default</source>
        <translation>der eingebaute Standard</translation>
    </message>
    <message>
        <source>Hover over a figure for its formula.</source>
        <translation>Zeigen Sie auf eine Kennzahl, um ihre Formel zu sehen.</translation>
    </message>
</context>
<context>
    <name>influence::desktop::CampaignBudgetDialog</name>
    <message>
        <source>Change the budget</source>
        <translation>Budget ändern</translation>
    </message>
    <message>
        <source>The budget of “%1” is %2.</source>
        <translation>Das Budget von „%1“ beträgt %2.</translation>
    </message>
    <message>
        <source>%1 is committed to accepted deals or paid: the budget cannot be lower.</source>
        <translation>%1 sind angenommenen Deals zugesagt oder bezahlt: Niedriger kann das Budget nicht sein.</translation>
    </message>
    <message>
        <source>&amp;New budget (%1)</source>
        <translation>&amp;Neues Budget (%1)</translation>
    </message>
    <message>
        <source>&amp;Change budget</source>
        <translation>Budget ä&amp;ndern</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>Enter the budget as an amount, such as %1.</source>
        <translation>Geben Sie das Budget als Betrag ein, etwa %1.</translation>
    </message>
    <message>
        <source>That is the budget already.</source>
        <translation>Das ist bereits das Budget.</translation>
    </message>
    <message>
        <source>Changing the budget…</source>
        <translation>Das Budget wird geändert…</translation>
    </message>
    <message>
        <source>The budget is now %1.</source>
        <translation>Das Budget beträgt jetzt %1.</translation>
    </message>
    <message>
        <source>The budget cannot be lower than what is committed and paid: %1. It stays %2.</source>
        <translation>Das Budget kann nicht niedriger sein als das Zugesagte und Bezahlte: %1. Es bleibt bei %2.</translation>
    </message>
    <message>
        <source>The change to %1 may not have reached the server. Change it again: the server changes the budget only once. (%2)</source>
        <translation>Die Änderung auf %1 hat den Server vielleicht nicht erreicht. Ändern Sie es erneut: Der Server ändert das Budget nur einmal. (%2)</translation>
    </message>
    <message>
        <source>The budget was not changed. %1</source>
        <translation>Das Budget wurde nicht geändert. %1</translation>
    </message>
</context>
<context>
    <name>influence::desktop::CampaignDialog</name>
    <message>
        <source>New campaign</source>
        <translation>Neue Kampagne</translation>
    </message>
    <message>
        <source>Edit campaign</source>
        <translation>Kampagne bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Brief</source>
        <translation>&amp;Briefing</translation>
    </message>
    <message>
        <source>&amp;Objective</source>
        <translation>&amp;Ziel</translation>
    </message>
    <message>
        <source>&amp;Platforms</source>
        <translation>&amp;Plattformen</translation>
    </message>
    <message>
        <source>&amp;Content types</source>
        <translation>Inhalts&amp;arten</translation>
    </message>
    <message>
        <source>N&amp;iches</source>
        <translation>N&amp;ischen</translation>
    </message>
    <message>
        <source>C&amp;ountries</source>
        <translation>L&amp;änder</translation>
    </message>
    <message>
        <source>&amp;Languages</source>
        <translation>&amp;Sprachen</translation>
    </message>
    <message>
        <source>&amp;Followers (min, max)</source>
        <translation>&amp;Follower (min., max.)</translation>
    </message>
    <message>
        <source>Minimum &amp;engagement (%)</source>
        <translation>Mindest-&amp;Engagement (%)</translation>
    </message>
    <message>
        <source>B&amp;udget</source>
        <translation>B&amp;udget</translation>
    </message>
    <message>
        <source>&amp;Dates (start, end)</source>
        <translation>Zeitrau&amp;m (Beginn, Ende)</translation>
    </message>
    <message>
        <source>Applications &amp;until</source>
        <translation>&amp;Letzter Bewerbungstag</translation>
    </message>
    <message>
        <source>&amp;Visibility</source>
        <translation>Sichtbar&amp;keit</translation>
    </message>
    <message>
        <source>Usage &amp;rights</source>
        <translation>Nutzungs&amp;rechte</translation>
    </message>
    <message>
        <source>Awareness</source>
        <translation>Bekanntheit</translation>
    </message>
    <message>
        <source>Engagement</source>
        <translation>Engagement</translation>
    </message>
    <message>
        <source>Conversions</source>
        <translation>Conversions</translation>
    </message>
    <message>
        <source>Public: creators may apply</source>
        <translation>Öffentlich: Creator können sich bewerben</translation>
    </message>
    <message>
        <source>Private: by invitation only</source>
        <translation>Privat: nur auf Einladung</translation>
    </message>
    <message>
        <source>instagram, tiktok, youtube</source>
        <translation>instagram, tiktok, youtube</translation>
    </message>
    <message>
        <source>post, reel, story, video</source>
        <translation>post, reel, story, video</translation>
    </message>
    <message>
        <source>travel, fashion, food</source>
        <translation>travel, fashion, food</translation>
    </message>
    <message>
        <source>DE, AT, CH</source>
        <translation>DE, AT, CH</translation>
    </message>
    <message>
        <source>de, en</source>
        <translation>de, en</translation>
    </message>
    <message>
        <source>minimum</source>
        <translation>Minimum</translation>
    </message>
    <message>
        <source>maximum</source>
        <translation>Maximum</translation>
    </message>
    <message>
        <source>for example 2.5</source>
        <translation>zum Beispiel 2,5</translation>
    </message>
    <message>
        <source>amount, for example 5000</source>
        <translation>Betrag, zum Beispiel 5000</translation>
    </message>
    <message>
        <source>EUR</source>
        <translation>EUR</translation>
    </message>
    <message>
        <source>start, YYYY-MM-DD</source>
        <translation>Beginn, JJJJ-MM-TT</translation>
    </message>
    <message>
        <source>end, YYYY-MM-DD</source>
        <translation>Ende, JJJJ-MM-TT</translation>
    </message>
    <message>
        <source>YYYY-MM-DD (optional)</source>
        <translation>JJJJ-MM-TT (optional)</translation>
    </message>
    <message>
        <source>Create campaign</source>
        <translation>Kampagne anlegen</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Änderungen speichern</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Please correct the marked fields.</source>
        <translation>Bitte korrigieren Sie die markierten Felder.</translation>
    </message>
    <message>
        <source>Please fill this in.</source>
        <translation>Bitte füllen Sie dieses Feld aus.</translation>
    </message>
    <message>
        <source>Use at most 120 characters.</source>
        <translation>Verwenden Sie höchstens 120 Zeichen.</translation>
    </message>
    <message>
        <source>The brief is too long (at most 10 000 characters).</source>
        <translation>Das Briefing ist zu lang (höchstens 10 000 Zeichen).</translation>
    </message>
    <message>
        <source>Use platform names such as instagram, tiktok, youtube.</source>
        <translation>Verwenden Sie Plattformnamen wie instagram, tiktok, youtube.</translation>
    </message>
    <message>
        <source>Use content types such as post, reel, story, video.</source>
        <translation>Verwenden Sie Inhaltsarten wie post, reel, story, video.</translation>
    </message>
    <message>
        <source>Use niches such as travel, fashion, food.</source>
        <translation>Verwenden Sie Nischen wie travel, fashion, food.</translation>
    </message>
    <message>
        <source>Use two-letter country codes, such as DE.</source>
        <translation>Verwenden Sie zweibuchstabige Ländercodes, etwa DE.</translation>
    </message>
    <message>
        <source>Use two-letter language codes, such as de or en.</source>
        <translation>Verwenden Sie zweibuchstabige Sprachcodes, etwa de oder en.</translation>
    </message>
    <message>
        <source>Use whole numbers; the maximum must not be below the minimum.</source>
        <translation>Verwenden Sie ganze Zahlen; das Maximum darf nicht unter dem Minimum liegen.</translation>
    </message>
    <message>
        <source>Use a percentage from 0 to 100, such as 2.5.</source>
        <translation>Verwenden Sie einen Prozentwert von 0 bis 100, etwa 2,5.</translation>
    </message>
    <message>
        <source>Use an amount such as 5000 or 5000.50 and a currency code such as EUR.</source>
        <translation>Verwenden Sie einen Betrag wie 5000 oder 5000,50 und einen Währungscode wie EUR.</translation>
    </message>
    <message>
        <source>Use dates such as 2027-03-31; the end must not be before the start.</source>
        <translation>Verwenden Sie Daten wie 2027-03-31; das Ende darf nicht vor dem Beginn liegen.</translation>
    </message>
    <message>
        <source>Use a date such as 2027-03-31.</source>
        <translation>Verwenden Sie ein Datum wie 2027-03-31.</translation>
    </message>
    <message>
        <source>The usage rights are too long.</source>
        <translation>Die Nutzungsrechte sind zu lang.</translation>
    </message>
    <message>
        <source>&amp;Targets (views, engagements, reach)</source>
        <translation>Ziel&amp;werte (Aufrufe, Interaktionen, Reichweite)</translation>
    </message>
    <message>
        <source>Cost ceilin&amp;gs (per engagement, per 1000 views)</source>
        <translation>Kostenober&amp;grenzen (je Interaktion, je 1000 Aufrufe)</translation>
    </message>
    <message>
        <source>views</source>
        <translation>Aufrufe</translation>
    </message>
    <message>
        <source>engagements</source>
        <translation>Interaktionen</translation>
    </message>
    <message>
        <source>reach</source>
        <translation>Reichweite</translation>
    </message>
    <message>
        <source>per engagement, for example 0.25</source>
        <translation>je Interaktion, zum Beispiel 0,25</translation>
    </message>
    <message>
        <source>per 1000 views, for example 12</source>
        <translation>je 1000 Aufrufe, zum Beispiel 12</translation>
    </message>
    <message>
        <source>Optional. The campaign forecast says how likely the campaign is to reach it.</source>
        <translation>Optional. Die Kampagnenprognose sagt, wie wahrscheinlich die Kampagne es erreicht.</translation>
    </message>
    <message>
        <source>Optional, in the campaign&apos;s currency: the most the accepted fees should cost per engagement or per 1000 views.</source>
        <translation>Optional, in der Währung der Kampagne: höchstens so viel sollen die angenommenen Honorare je Interaktion oder je 1000 Aufrufe kosten.</translation>
    </message>
    <message>
        <source>Use whole numbers of at least 1, or leave a target empty.</source>
        <translation>Verwenden Sie ganze Zahlen ab 1 oder lassen Sie ein Ziel leer.</translation>
    </message>
    <message>
        <source>Use amounts above zero such as 0.25, or leave a ceiling empty.</source>
        <translation>Verwenden Sie Beträge über null wie 0,25 oder lassen Sie eine Obergrenze leer.</translation>
    </message>
</context>
<context>
    <name>influence::desktop::CampaignForecastTab</name>
    <message>
        <source>Forecast</source>
        <translation>Prognose</translation>
    </message>
    <message>
        <source>What the campaign has achieved so far, and what its deliverables not yet measured are expected to add, judged by each creator&apos;s own past posts. The ranges hold the outcome 8 and 19 times in 20.</source>
        <translation>Was die Kampagne bisher erreicht hat und was ihre noch nicht gemessenen Leistungen voraussichtlich hinzufügen, beurteilt nach den bisherigen Beiträgen jedes Creators. Die Spannen treffen das Ergebnis 8- bzw. 19-mal von 20.</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Ziele</translation>
    </message>
    <message>
        <source>No targets are set for this campaign. Set views, engagements, reach or cost ceilings with Edit on the Overview tab to see how likely the campaign is to reach them.</source>
        <translation>Für diese Kampagne sind keine Ziele gesetzt. Setzen Sie Aufrufe, Interaktionen, Reichweite oder Kostenobergrenzen mit „Bearbeiten“ im Reiter Übersicht, um zu sehen, wie wahrscheinlich die Kampagne sie erreicht.</translation>
    </message>
    <message>
        <source>So far</source>
        <translation>Bisher</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Erwartet</translation>
    </message>
    <message>
        <source>80 % range</source>
        <translation>80-%-Spanne</translation>
    </message>
    <message>
        <source>95 % range</source>
        <translation>95-%-Spanne</translation>
    </message>
    <message>
        <source>With proposals</source>
        <translation>Mit Angeboten</translation>
    </message>
    <message>
        <source>Achieved so far plus the accepted deliverables not yet measured.</source>
        <translation>Bisher erreicht plus die angenommenen, noch nicht gemessenen Leistungen.</translation>
    </message>
    <message>
        <source>As Expected, plus the deliverables of open offers, each offer counted as likely as offers are accepted.</source>
        <translation>Wie „Erwartet“, plus die Leistungen offener Angebote, jedes Angebot so wahrscheinlich gezählt, wie Angebote angenommen werden.</translation>
    </message>
    <message>
        <source>Drawing the campaign&apos;s forecast…</source>
        <translation>Die Prognose der Kampagne wird berechnet…</translation>
    </message>
    <message>
        <source>Nothing to forecast yet: the campaign has no accepted or proposed deliverables and no measured posts. Invite creators and the forecast follows their offers.</source>
        <translation>Noch nichts zu prognostizieren: Die Kampagne hat keine angenommenen oder angebotenen Leistungen und keine gemessenen Beiträge. Laden Sie Creator ein, dann folgt die Prognose ihren Angeboten.</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Cost per engagement</source>
        <translation>Kosten je Interaktion</translation>
    </message>
    <message>
        <source>Cost per 1000 views</source>
        <translation>Kosten je 1000 Aufrufe</translation>
    </message>
    <message>
        <source>%1 so far</source>
        <translation>bisher %1</translation>
    </message>
    <message>
        <source>nothing measured yet</source>
        <translation>noch nichts gemessen</translation>
    </message>
    <message>
        <source>%1: at most %2 (%3). Chance of staying within it: %4 with the accepted deliverables, %5 counting the proposals.</source>
        <translation>%1: höchstens %2 (%3). Chance, darunter zu bleiben: %4 mit den angenommenen Leistungen, %5 mit den Angeboten.</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Aufrufe</translation>
    </message>
    <message>
        <source>Engagements</source>
        <translation>Interaktionen</translation>
    </message>
    <message>
        <source>Reach</source>
        <translation>Reichweite</translation>
    </message>
    <message>
        <source>%1: at least %2 (%3 so far). Chance of reaching it: %4 with the accepted deliverables, %5 counting the proposals.</source>
        <translation>%1: mindestens %2 (bisher %3). Chance, es zu erreichen: %4 mit den angenommenen Leistungen, %5 mit den Angeboten.</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message numerus="yes">
        <source>%n deliverable(s) accepted, %1 of them measured; %2 proposed in open offers.</source>
        <translation>
            <numerusform>%n Leistung angenommen, davon %1 gemessen; %2 in offenen Angeboten angeboten.</numerusform>
            <numerusform>%n Leistungen angenommen, davon %1 gemessen; %2 in offenen Angeboten angeboten.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deliverable(s) are left out of the forecast: their creators have fewer than 3 past posts to judge them by. The figures above will grow by whatever those deliverables bring.</source>
        <translation>
            <numerusform>%n Leistung fehlt in der Prognose: Ihr Creator hat weniger als 3 frühere Beiträge, nach denen sie sich beurteilen ließe. Die Zahlen oben wachsen um das, was diese Leistung bringt.</numerusform>
            <numerusform>%n Leistungen fehlen in der Prognose: Ihre Creator haben weniger als 3 frühere Beiträge, nach denen sie sich beurteilen ließen. Die Zahlen oben wachsen um das, was diese Leistungen bringen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>of the brand&apos;s %n decided deal(s)</source>
        <translation>
            <numerusform>von %n entschiedenen Deal der Marke</numerusform>
            <numerusform>von %n entschiedenen Deals der Marke</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>of %n decided deal(s) on the platform</source>
        <translation>
            <numerusform>von %n entschiedenen Deal auf der Plattform</numerusform>
            <numerusform>von %n entschiedenen Deals auf der Plattform</numerusform>
        </translation>
    </message>
    <message>
        <source>Proposals count as %1 likely to be accepted: the share accepted %2.</source>
        <translation>Angebote zählen mit einer Annahmewahrscheinlichkeit von %1: dem angenommenen Anteil %2.</translation>
    </message>
    <message>
        <source>%1 with the accepted deliverables</source>
        <translation>%1 mit den angenommenen Leistungen</translation>
    </message>
    <message>
        <source>Counting the proposals: %1</source>
        <translation>Mit den Angeboten: %1</translation>
    </message>
    <message>
        <source>80 % range with proposals</source>
        <translation>80-%-Spanne mit Angeboten</translation>
    </message>
    <message>
        <source>95 % range with proposals</source>
        <translation>95-%-Spanne mit Angeboten</translation>
    </message>
    <message numerus="yes">
        <source>Method: %n simulation(s); each creator&apos;s past posts are resampled, then each deliverable is drawn from them, every draw smoothed so that it can also fall between and beyond them (a smoothed two-stage bootstrap).</source>
        <translation>
            <numerusform>Methode: %n Simulation; die früheren Beiträge jedes Creators werden neu gezogen, dann jede Leistung daraus, jede Ziehung geglättet, sodass sie auch zwischen und jenseits der früheren Werte liegen kann (ein geglätteter zweistufiger Bootstrap).</numerusform>
            <numerusform>Methode: %n Simulationen; die früheren Beiträge jedes Creators werden neu gezogen, dann jede Leistung daraus, jede Ziehung geglättet, sodass sie auch zwischen und jenseits der früheren Werte liegen kann (ein geglätteter zweistufiger Bootstrap).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>influence::desktop::CampaignPage</name>
    <message>
        <source>Campaign</source>
        <translation>Kampagne</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Find creators for this campaign</source>
        <translation>Passende &amp;Creator finden</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>Deals</translation>
    </message>
    <message>
        <source>Deliverables by due date</source>
        <translation>Leistungen nach Fälligkeit</translation>
    </message>
    <message>
        <source>Creators invited</source>
        <translation>Eingeladene Creator</translation>
    </message>
    <message>
        <source>Loading the campaign…</source>
        <translation>Die Kampagne wird geladen…</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>%1 · no dates</source>
        <translation>%1 · ohne Termine</translation>
    </message>
    <message>
        <source>%1 · %2 – %3</source>
        <translation>%1 · %2 – %3</translation>
    </message>
    <message>
        <source>Budget: %1</source>
        <translation>Budget: %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 · %2 × %3 on %4 · %5</source>
        <translation>%1 · %2 × %3 auf %4 · %5</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <source>“%1” was refused. %2</source>
        <translation>„%1“ wurde abgelehnt. %2</translation>
    </message>
    <message>
        <source>“%1” is now %2.</source>
        <translation>„%1“ ist jetzt %2.</translation>
    </message>
    <message>
        <source>Open a campaign from the list of campaigns (Enter) or with quick open (Ctrl+K).</source>
        <translation>Öffnen Sie eine Kampagne aus der Liste der Kampagnen (Eingabetaste) oder mit Schnell öffnen (Strg+K).</translation>
    </message>
    <message>
        <source>Payouts</source>
        <translation>Auszahlungen</translation>
    </message>
    <message>
        <source>%1 · %2 % %3 · %4 · %5</source>
        <translation>%1 · %2 % %3 · %4 · %5</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>fällig am %1</translation>
    </message>
    <message>
        <source>LATE</source>
        <translation>VERSPÄTET</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <source>No payouts yet: they appear once an installment&apos;s condition is met.</source>
        <translation>Noch keine Auszahlungen: Sie erscheinen, sobald die Bedingung einer Rate erfüllt ist.</translation>
    </message>
    <message>
        <source>Budget: %1 (its use could not be loaded: %2)</source>
        <translation>Budget: %1 (seine Verwendung konnte nicht geladen werden: %2)</translation>
    </message>
    <message>
        <source>No deals yet: invite creators from discovery (“Find creators for this campaign”), or wait for their applications.</source>
        <translation>Noch keine Deals: Laden Sie Creator aus „Entdecken“ ein („Passende Creator finden“) oder warten Sie auf ihre Bewerbungen.</translation>
    </message>
    <message>
        <source>No deals yet.</source>
        <translation>Noch keine Deals.</translation>
    </message>
    <message>
        <source>Nobody invited yet.</source>
        <translation>Noch niemand eingeladen.</translation>
    </message>
    <message>
        <source>Nothing agreed yet: the deliverables of a deal are listed here, by due date, once its offer is accepted.</source>
        <translation>Noch nichts vereinbart: Die Leistungen eines Deals stehen hier nach Fälligkeit, sobald sein Angebot angenommen ist.</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Analytics</source>
        <translation>Analysen</translation>
    </message>
    <message>
        <source>Change &amp;budget…</source>
        <translation>&amp;Budget ändern…</translation>
    </message>
    <message>
        <source>&amp;Ledger</source>
        <translation>&amp;Hauptbuch</translation>
    </message>
    <message>
        <source>Every movement of the campaign&apos;s money: budget changes, reservations, payouts.</source>
        <translation>Jede Bewegung des Geldes der Kampagne: Budgetänderungen, Reservierungen, Auszahlungen.</translation>
    </message>
    <message>
        <source>The budget is now %1.</source>
        <translation>Das Budget beträgt jetzt %1.</translation>
    </message>
</context>
<context>
    <name>influence::desktop::CampaignsModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 / %2 live</source>
        <translation>%1 / %2 live</translation>
    </message>
    <message>
        <source>No dates</source>
        <translation>Kein Zeitraum</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Kampagne</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>Deals</translation>
    </message>
    <message>
        <source>Deliverables</source>
        <translation>Leistungen</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>Marke</translation>
    </message>
</context>
<context>
    <name>influence::desktop::CampaignsView</name>
    <message>
        <source>Campaigns</source>
        <translation>Kampagnen</translation>
    </message>
    <message>
        <source>Your campaigns</source>
        <translation>Ihre Kampagnen</translation>
    </message>
    <message>
        <source>&amp;New campaign…</source>
        <translation>&amp;Neue Kampagne…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Loading your campaigns…</source>
        <translation>Ihre Kampagnen werden geladen…</translation>
    </message>
    <message>
        <source>“%1” was saved.</source>
        <translation>„%1“ wurde gespeichert.</translation>
    </message>
    <message>
        <source>A campaign that is %1 cannot be moved this way.</source>
        <translation>Eine Kampagne im Status „%1“ kann nicht so geändert werden.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <source>“%1” was refused. %2</source>
        <translation>„%1“ wurde abgelehnt. %2</translation>
    </message>
    <message>
        <source>“%1” is now %2.</source>
        <translation>„%1“ ist jetzt %2.</translation>
    </message>
    <message>
        <source>Campaigns you work in</source>
        <translation>Kampagnen, in denen Sie mitwirken</translation>
    </message>
    <message>
        <source>No campaigns yet. Create the first one.</source>
        <translation>Noch keine Kampagnen. Legen Sie die erste an.</translation>
    </message>
    <message>
        <source>No campaigns yet. Campaigns appear here once a brand invites you or you apply.</source>
        <translation>Noch keine Kampagnen. Kampagnen erscheinen hier, sobald eine Marke Sie einlädt oder Sie sich bewerben.</translation>
    </message>
    <message>
        <source>E&amp;xport as CSV…</source>
        <translation>Als CSV e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Kampagne</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>Deals</translation>
    </message>
    <message>
        <source>Deliverables live</source>
        <translation>Leistungen veröffentlicht</translation>
    </message>
    <message>
        <source>Deliverables</source>
        <translation>Leistungen</translation>
    </message>
    <message>
        <source>campaigns.csv</source>
        <translation>kampagnen.csv</translation>
    </message>
    <message>
        <source>The campaigns were exported to %1.</source>
        <translation>Die Kampagnen wurden nach %1 exportiert.</translation>
    </message>
    <message>
        <source>The campaigns could not be exported: %1</source>
        <translation>Die Kampagnen konnten nicht exportiert werden: %1</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>Marke</translation>
    </message>
    <message numerus="yes">
        <source>Showing the first %n campaign(s).</source>
        <translation>
            <numerusform>Die erste %n Kampagne wird gezeigt.</numerusform>
            <numerusform>Die ersten %n Kampagnen werden gezeigt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>influence::desktop::ConditionRow</name>
    <message>
        <source>at least</source>
        <translation>mindestens</translation>
    </message>
    <message>
        <source>at most</source>
        <translation>höchstens</translation>
    </message>
    <message>
        <source>The deal is still in the state the event left it in.</source>
        <translation>Der Deal ist noch in dem Zustand, in dem ihn das Ereignis hinterlassen hat.</translation>
    </message>
    <message>
        <source>Remove this condition</source>
        <translation>Diese Bedingung entfernen</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen …</translation>
    </message>
    <message>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <source>The deal&apos;s fee. A deal in another currency does not meet this condition.</source>
        <translation>Das Honorar des Deals. Ein Deal in einer anderen Währung erfüllt diese Bedingung nicht.</translation>
    </message>
    <message>
        <source>The fee&apos;s currency</source>
        <translation>Die Währung des Honorars</translation>
    </message>
</context>
<context>
    <name>influence::desktop::CreatorPerformance</name>
    <message>
        <source>No figures to show yet.</source>
        <translation>Noch keine Zahlen vorhanden.</translation>
    </message>
    <message>
        <source>Adding up the creator&apos;s figures…</source>
        <translation>Die Zahlen des Creators werden zusammengerechnet…</translation>
    </message>
    <message>
        <source>Performance</source>
        <translation>Leistung</translation>
    </message>
    <message>
        <source>Recent posts</source>
        <translation>Neueste Beiträge</translation>
    </message>
    <message>
        <source>engagements / views</source>
        <translation>Interaktionen / Aufrufe</translation>
    </message>
    <message>
        <source>engagements / followers</source>
        <translation>Interaktionen / Follower</translation>
    </message>
    <message>
        <source>%1 @%2: %3 followers · engagement rate %4 (%5) · 30-day growth %6 · %7</source>
        <translation>%1 @%2: %3 Follower · Interaktionsrate %4 (%5) · Wachstum in 30 Tagen %6 · %7</translation>
    </message>
</context>
<context>
    <name>influence::desktop::CreatorProfileView</name>
    <message>
        <source>Creator profile</source>
        <translation>Creator-Profil</translation>
    </message>
    <message>
        <source>Choose a creator in Discovery (double-click a row or press Enter).</source>
        <translation>Wählen Sie einen Creator unter „Entdecken“ (Doppelklick auf eine Zeile oder Eingabetaste).</translation>
    </message>
    <message>
        <source>Loading the profile…</source>
        <translation>Das Profil wird geladen…</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Bio:</source>
        <translation>Bio:</translation>
    </message>
    <message>
        <source>Niches:</source>
        <translation>Nischen:</translation>
    </message>
    <message>
        <source>Country:</source>
        <translation>Land:</translation>
    </message>
    <message>
        <source>Languages:</source>
        <translation>Sprachen:</translation>
    </message>
    <message>
        <source>Rates:</source>
        <translation>Preise:</translation>
    </message>
    <message>
        <source>Connected accounts</source>
        <translation>Verbundene Konten</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <source>Handle</source>
        <translation>Handle</translation>
    </message>
    <message>
        <source>Followers</source>
        <translation>Follower</translation>
    </message>
    <message>
        <source>Engagement</source>
        <translation>Engagement</translation>
    </message>
    <message>
        <source>Growth 30 d</source>
        <translation>Wachstum 30 T</translation>
    </message>
    <message>
        <source>R&amp;ange:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <source>30 days</source>
        <translation>30 Tage</translation>
    </message>
    <message>
        <source>90 days</source>
        <translation>90 Tage</translation>
    </message>
    <message>
        <source>1 year</source>
        <translation>1 Jahr</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alles</translation>
    </message>
    <message>
        <source>E&amp;xport as PNG…</source>
        <translation>Als PNG e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Followers, all accounts</source>
        <translation>Follower, alle Konten</translation>
    </message>
    <message>
        <source>Followers on %1</source>
        <translation>Follower auf %1</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Beitrag</translation>
    </message>
    <message>
        <source>Story</source>
        <translation>Story</translation>
    </message>
    <message>
        <source>Reel</source>
        <translation>Reel</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Short</source>
        <translation>Short</translation>
    </message>
    <message>
        <source>Livestream</source>
        <translation>Livestream</translation>
    </message>
    <message>
        <source>Blog post</source>
        <translation>Blogartikel</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 followers · engagement %2 · growth over 30 days %3</source>
        <translation>%1 Follower · Engagement %2 · Wachstum in 30 Tagen %3</translation>
    </message>
    <message>
        <source>No bio yet.</source>
        <translation>Noch keine Bio.</translation>
    </message>
    <message>
        <source>None given</source>
        <translation>Keine angegeben</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>Nicht angegeben</translation>
    </message>
    <message>
        <source>No rates given</source>
        <translation>Keine Preise angegeben</translation>
    </message>
    <message>
        <source>Export as PNG…</source>
        <translation>Als PNG exportieren…</translation>
    </message>
    <message>
        <source>Loading the history…</source>
        <translation>Der Verlauf wird geladen…</translation>
    </message>
    <message>
        <source>No metric history yet.</source>
        <translation>Noch kein Kennzahlenverlauf.</translation>
    </message>
    <message numerus="yes">
        <source>%n period(s) from %1 to %2</source>
        <translation>
            <numerusform>%n Zeitabschnitt vom %1 bis %2</numerusform>
            <numerusform>%n Zeitabschnitte vom %1 bis %2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2: %3 followers</source>
        <translation>%1 · %2: %3 Follower</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>No figures for this account in this period.</source>
        <translation>Für dieses Konto gibt es in diesem Zeitraum keine Zahlen.</translation>
    </message>
    <message>
        <source>%1 (last figures %2, %3 days ago)</source>
        <translation>%1 (letzte Zahlen vom %2, vor %3 Tagen)</translation>
    </message>
    <message>
        <source>Total of %1 of %2 accounts</source>
        <translation>Summe von %1 der %2 Konten</translation>
    </message>
    <message>
        <source>The total adds up only the accounts with a history: %1 of %2 followers today. No history yet: %3.</source>
        <translation>Die Summe zählt nur die Konten mit Verlauf: %1 von %2 Followern heute. Noch ohne Verlauf: %3.</translation>
    </message>
    <message>
        <source>These figures are out of date, no newer ones have arrived: %1.</source>
        <translation>Diese Zahlen sind veraltet, neuere sind nicht eingetroffen: %1.</translation>
    </message>
    <message>
        <source>Similar creators</source>
        <translation>Ähnliche Creator</translation>
    </message>
    <message>
        <source>no figures in this period</source>
        <translation>keine Zahlen in diesem Zeitraum</translation>
    </message>
    <message>
        <source>last figures %1</source>
        <translation>letzte Zahlen %1</translation>
    </message>
</context>
<context>
    <name>influence::desktop::DealActivityTab</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 — %2 — %3</source>
        <translation>%1 — %2 — %3</translation>
    </message>
    <message>
        <source>Nothing has happened yet.</source>
        <translation>Bisher ist nichts geschehen.</translation>
    </message>
    <message>
        <source>The activity could not be loaded. %1</source>
        <translation>Die Aktivität konnte nicht geladen werden. %1</translation>
    </message>
</context>
<context>
    <name>influence::desktop::DealCardDelegate</name>
    <message>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
</context>
<context>
    <name>influence::desktop::DealDeliverablesTab</name>
    <message>
        <source>#</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Revisions</source>
        <translation>Überarbeitungen</translation>
    </message>
    <message>
        <source>Live post</source>
        <translation>Veröffentlichter Beitrag</translation>
    </message>
    <message>
        <source>Re&amp;view draft…</source>
        <translation>Entwurf &amp;prüfen …</translation>
    </message>
    <message>
        <source>Submit a draft</source>
        <translation>Entwurf einreichen</translation>
    </message>
    <message>
        <source>&amp;Caption</source>
        <translation>&amp;Bildunterschrift</translation>
    </message>
    <message>
        <source>Media &amp;addresses</source>
        <translation>Medien-&amp;Adressen</translation>
    </message>
    <message>
        <source>https addresses, separated by spaces</source>
        <translation>https-Adressen, durch Leerzeichen getrennt</translation>
    </message>
    <message>
        <source>N&amp;otes for the reviewer</source>
        <translation>&amp;Hinweise für die Prüfung</translation>
    </message>
    <message>
        <source>Su&amp;bmit draft</source>
        <translation>Entwurf ein&amp;reichen</translation>
    </message>
    <message>
        <source>&amp;Live post</source>
        <translation>Veröffentlichter Beitra&amp;g</translation>
    </message>
    <message>
        <source>https address of the published post</source>
        <translation>https-Adresse des veröffentlichten Beitrags</translation>
    </message>
    <message>
        <source>&amp;Report live</source>
        <translation>Als veröffentlicht &amp;melden</translation>
    </message>
    <message>
        <source>%1 (overdue)</source>
        <translation>%1 (überfällig)</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Deliverables appear here once an offer is accepted.</source>
        <translation>Die Leistungen erscheinen hier, sobald ein Angebot angenommen ist.</translation>
    </message>
    <message>
        <source>Deliverable %1 · revision rounds used: %2 of %3</source>
        <translation>Leistung %1 · genutzte Überarbeitungsrunden: %2 von %3</translation>
    </message>
    <message>
        <source>No draft submitted yet.</source>
        <translation>Noch kein Entwurf eingereicht.</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Waiting for review</source>
        <translation>Wartet auf Prüfung</translation>
    </message>
    <message>
        <source>The versions could not be loaded. %1</source>
        <translation>Die Versionen konnten nicht geladen werden. %1</translation>
    </message>
</context>
<context>
    <name>influence::desktop::DealMessagesTab</name>
    <message>
        <source>Show &amp;older messages</source>
        <translation>Ä&amp;ltere Nachrichten anzeigen</translation>
    </message>
    <message>
        <source>Write a message…</source>
        <translation>Nachricht schreiben …</translation>
    </message>
    <message>
        <source>Sen&amp;d</source>
        <translation>Sen&amp;den</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>No messages yet. Write the first one below.</source>
        <translation>Noch keine Nachrichten. Schreiben Sie unten die erste.</translation>
    </message>
    <message>
        <source>The messages could not be loaded. %1</source>
        <translation>Die Nachrichten konnten nicht geladen werden. %1</translation>
    </message>
</context>
<context>
    <name>influence::desktop::DealNegotiationTab</name>
    <message>
        <source>Agreed terms</source>
        <translation>Vereinbarte Bedingungen</translation>
    </message>
    <message>
        <source>Offers</source>
        <translation>Angebote</translation>
    </message>
    <message>
        <source>#</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Honorar</translation>
    </message>
    <message>
        <source>Deliverables</source>
        <translation>Leistungen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>&amp;Accept offer</source>
        <translation>Angebot &amp;annehmen</translation>
    </message>
    <message>
        <source>D&amp;ecline offer</source>
        <translation>Angebot abl&amp;ehnen</translation>
    </message>
    <message>
        <source>C&amp;ounter…</source>
        <translation>&amp;Gegenangebot …</translation>
    </message>
    <message>
        <source>&amp;Start work</source>
        <translation>Arbeit &amp;beginnen</translation>
    </message>
    <message>
        <source>Com&amp;plete deal</source>
        <translation>Deal abschl&amp;ießen</translation>
    </message>
    <message>
        <source>&amp;Withdraw</source>
        <translation>&amp;Zurückziehen</translation>
    </message>
    <message>
        <source>Cancel dea&amp;l</source>
        <translation>Deal st&amp;ornieren</translation>
    </message>
    <message>
        <source>Nothing agreed yet: the terms are frozen when an offer is accepted.</source>
        <translation>Noch nichts vereinbart: Die Bedingungen werden festgeschrieben, sobald ein Angebot angenommen ist.</translation>
    </message>
    <message>
        <source>No terms were agreed.</source>
        <translation>Es wurden keine Bedingungen vereinbart.</translation>
    </message>
    <message>
        <source>Fee: %1</source>
        <translation>Honorar: %1</translation>
    </message>
    <message>
        <source>Deliverables: %1</source>
        <translation>Leistungen: %1</translation>
    </message>
    <message>
        <source>Revision rounds: %1</source>
        <translation>Überarbeitungsrunden: %1</translation>
    </message>
    <message>
        <source>Usage rights: %1</source>
        <translation>Nutzungsrechte: %1</translation>
    </message>
    <message>
        <source>none stated</source>
        <translation>keine angegeben</translation>
    </message>
    <message>
        <source>Agreed: %1 (brand %2, creator %3)</source>
        <translation>Vereinbart: %1 (Marke %2, Creator %3)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Notiz: %1</translation>
    </message>
    <message>
        <source>%1, answered %2</source>
        <translation>%1, beantwortet %2</translation>
    </message>
    <message>
        <source>1 deliverable is not approved or live yet: the deal can be completed once every deliverable is.</source>
        <translation>1 Leistung ist noch nicht freigegeben oder live: Der Deal kann abgeschlossen werden, sobald es alle Leistungen sind.</translation>
    </message>
    <message>
        <source>%1 deliverables are not approved or live yet: the deal can be completed once every deliverable is.</source>
        <translation>%1 Leistungen sind noch nicht freigegeben oder live: Der Deal kann abgeschlossen werden, sobald es alle Leistungen sind.</translation>
    </message>
    <message>
        <source>1 revision round</source>
        <translation>1 Überarbeitungsrunde</translation>
    </message>
    <message numerus="yes">
        <source>%n revision rounds</source>
        <translation>
            <numerusform>%n Überarbeitungsrunde</numerusform>
            <numerusform>%n Überarbeitungsrunden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>influence::desktop::DealPaymentsTab</name>
    <message>
        <source>Payment schedule</source>
        <translation>Zahlungsplan</translation>
    </message>
    <message>
        <source>#</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Payable</source>
        <translation>Zahlbar</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Payouts</source>
        <translation>Auszahlungen</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Einzelheiten</translation>
    </message>
    <message>
        <source>Agreed: %1</source>
        <translation>Vereinbart: %1</translation>
    </message>
    <message>
        <source>Offered: %1</source>
        <translation>Angeboten: %1</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 · late</source>
        <translation>%1 · verspätet</translation>
    </message>
    <message>
        <source>Paid %1, reference %2</source>
        <translation>Bezahlt am %1, Referenz %2</translation>
    </message>
    <message>
        <source>Paid %1 through the payment provider</source>
        <translation>Bezahlt am %1 über den Zahlungsanbieter</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>No payouts yet: each installment becomes a payout when its condition is met.</source>
        <translation>Noch keine Auszahlungen: Jede Rate wird zur Auszahlung, sobald ihre Bedingung erfüllt ist.</translation>
    </message>
    <message>
        <source>Payouts begin once the offer is accepted.</source>
        <translation>Auszahlungen beginnen, sobald das Angebot angenommen ist.</translation>
    </message>
    <message>
        <source>%1, then within 1 day</source>
        <translation>%1, dann innerhalb 1 Tages</translation>
    </message>
    <message>
        <source>%1, then within %2 days</source>
        <translation>%1, dann innerhalb von %2 Tagen</translation>
    </message>
    <message>
        <source>Record &amp;payment…</source>
        <translation>&amp;Zahlung erfassen…</translation>
    </message>
    <message>
        <source>Ca&amp;ncel payout…</source>
        <translation>Auszahlung s&amp;tornieren…</translation>
    </message>
    <message>
        <source>The payouts could not be loaded. %1</source>
        <translation>Die Auszahlungen konnten nicht geladen werden. %1</translation>
    </message>
</context>
<context>
    <name>influence::desktop::DealView</name>
    <message>
        <source>Deal</source>
        <translation>Deal</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>Open a deal from the pipeline board.</source>
        <translation>Öffnen Sie einen Deal über die Pipeline.</translation>
    </message>
    <message>
        <source>Loading the deal…</source>
        <translation>Deal wird geladen …</translation>
    </message>
    <message>
        <source>&amp;Negotiation</source>
        <translation>&amp;Verhandlung</translation>
    </message>
    <message>
        <source>&amp;Deliverables</source>
        <translation>&amp;Leistungen</translation>
    </message>
    <message>
        <source>&amp;Messages</source>
        <translation>&amp;Nachrichten</translation>
    </message>
    <message>
        <source>Ac&amp;tivity</source>
        <translation>Ak&amp;tivität</translation>
    </message>
    <message>
        <source>Unnamed creator</source>
        <translation>Creator ohne Namen</translation>
    </message>
    <message>
        <source>Unnamed brand</source>
        <translation>Marke ohne Namen</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Brand: %1 · Creator: %2 · Campaign: %3 · You act as: %4</source>
        <translation>Marke: %1 · Creator: %2 · Kampagne: %3 · Sie handeln als: %4</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>Stand: %1</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <source>Accepting the offer…</source>
        <translation>Angebot wird angenommen …</translation>
    </message>
    <message>
        <source>Declining the offer…</source>
        <translation>Angebot wird abgelehnt …</translation>
    </message>
    <message>
        <source>You accepted the offer. The terms are now frozen.</source>
        <translation>Sie haben das Angebot angenommen. Die Bedingungen sind jetzt festgeschrieben.</translation>
    </message>
    <message>
        <source>You declined the offer.</source>
        <translation>Sie haben das Angebot abgelehnt.</translation>
    </message>
    <message>
        <source>Your counter-offer was sent.</source>
        <translation>Ihr Gegenangebot wurde gesendet.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet …</translation>
    </message>
    <message>
        <source>Work on the deal has started.</source>
        <translation>Die Arbeit am Deal hat begonnen.</translation>
    </message>
    <message>
        <source>The deal is completed.</source>
        <translation>Der Deal ist abgeschlossen.</translation>
    </message>
    <message>
        <source>The deal is withdrawn.</source>
        <translation>Der Deal ist zurückgezogen.</translation>
    </message>
    <message>
        <source>The deal is cancelled.</source>
        <translation>Der Deal ist storniert.</translation>
    </message>
    <message>
        <source>The server refused this. %1</source>
        <translation>Der Server hat das abgelehnt. %1</translation>
    </message>
    <message>
        <source>Changes were requested; the creator is notified.</source>
        <translation>Änderungen wurden erbeten; der Creator wird benachrichtigt.</translation>
    </message>
    <message>
        <source>The draft is approved; the creator is notified.</source>
        <translation>Der Entwurf ist freigegeben; der Creator wird benachrichtigt.</translation>
    </message>
    <message>
        <source>Media must be https addresses (at most 20).</source>
        <translation>Medien müssen https-Adressen sein (höchstens 20).</translation>
    </message>
    <message>
        <source>A draft needs a caption or media (captions up to 5000 characters, notes up to 2000).</source>
        <translation>Ein Entwurf braucht eine Bildunterschrift oder Medien (Bildunterschriften bis 5000 Zeichen, Hinweise bis 2000).</translation>
    </message>
    <message>
        <source>Your draft was submitted for review.</source>
        <translation>Ihr Entwurf wurde zur Prüfung eingereicht.</translation>
    </message>
    <message>
        <source>Type the https address of the published post.</source>
        <translation>Geben Sie die https-Adresse des veröffentlichten Beitrags ein.</translation>
    </message>
    <message>
        <source>The live post is recorded.</source>
        <translation>Der veröffentlichte Beitrag ist erfasst.</translation>
    </message>
    <message>
        <source>Write something first.</source>
        <translation>Schreiben Sie zuerst etwas.</translation>
    </message>
    <message>
        <source>A message can be up to 5000 characters long.</source>
        <translation>Eine Nachricht darf höchstens 5000 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>The message was not sent. %1</source>
        <translation>Die Nachricht wurde nicht gesendet. %1</translation>
    </message>
    <message>
        <source>Message sent.</source>
        <translation>Nachricht gesendet.</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>&amp;Payments</source>
        <translation>&amp;Zahlungen</translation>
    </message>
    <message>
        <source>The offer was not accepted: its fee of %1 is more than the %2 left of the campaign&apos;s budget. Raise the budget or agree on a lower fee.</source>
        <translation>Das Angebot wurde nicht angenommen: Sein Honorar von %1 übersteigt die %2, die vom Budget der Kampagne übrig sind. Erhöhen Sie das Budget oder vereinbaren Sie ein niedrigeres Honorar.</translation>
    </message>
</context>
<context>
    <name>influence::desktop::DiagnosticsDialog</name>
    <message>
        <source>Server diagnostics</source>
        <translation>Serverdiagnose</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>e.g. http://localhost:8080</source>
        <translation>z. B. http://localhost:8080</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>Enter the address of an Influence server and press Connect.</source>
        <translation>Geben Sie die Adresse eines Influence-Servers ein und klicken Sie auf Verbinden.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>Server version:</source>
        <translation>Serverversion:</translation>
    </message>
    <message>
        <source>API version:</source>
        <translation>API-Version:</translation>
    </message>
    <message>
        <source>Qt version:</source>
        <translation>Qt-Version:</translation>
    </message>
    <message>
        <source>Running since:</source>
        <translation>Läuft seit:</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Datenbank:</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 wird hergestellt …</translation>
    </message>
    <message>
        <source>Please enter a valid server address.</source>
        <translation>Bitte geben Sie eine gültige Serveradresse ein.</translation>
    </message>
    <message>
        <source>“%1” is not a server address such as http://localhost:8080.</source>
        <translation>„%1“ ist keine Serveradresse wie http://localhost:8080.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt …</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>Verbunden mit %1</translation>
    </message>
    <message>
        <source>The server is shutting down</source>
        <translation>Der Server wird heruntergefahren</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Unavailable</source>
        <translation>Nicht verfügbar</translation>
    </message>
</context>
<context>
    <name>influence::desktop::DiscoveryModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Followers</source>
        <translation>Follower</translation>
    </message>
    <message>
        <source>Engagement</source>
        <translation>Engagement</translation>
    </message>
    <message>
        <source>Growth (30 days)</source>
        <translation>Wachstum (30 Tage)</translation>
    </message>
    <message>
        <source>Platforms</source>
        <translation>Plattformen</translation>
    </message>
    <message>
        <source>Niches</source>
        <translation>Nischen</translation>
    </message>
    <message>
        <source>The results cannot be sorted by this column.</source>
        <translation>Nach dieser Spalte lassen sich die Ergebnisse nicht sortieren.</translation>
    </message>
    <message>
        <source>Click to sort from the highest down.</source>
        <translation>Klicken, um absteigend zu sortieren.</translation>
    </message>
    <message>
        <source>Price: %1</source>
        <translation>Preis: %1</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>How natural the follower growth looks, 0 to 100 (100: nothing suspicious). Click to sort from the highest down; creators not yet assessed come last.</source>
        <translation>Wie natürlich das Follower-Wachstum aussieht, 0 bis 100 (100: nichts Auffälliges). Klicken, um vom höchsten Wert abwärts zu sortieren; noch nicht bewertete Creator stehen am Ende.</translation>
    </message>
    <message>
        <source>Authenticity</source>
        <translation>Echtheit</translation>
    </message>
</context>
<context>
    <name>influence::desktop::DiscoveryView</name>
    <message>
        <source>Discovery</source>
        <translation>Entdecken</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Suche:</translation>
    </message>
    <message>
        <source>S&amp;ort by:</source>
        <translation>S&amp;ortieren nach:</translation>
    </message>
    <message>
        <source>&amp;Niche:</source>
        <translation>&amp;Nische:</translation>
    </message>
    <message>
        <source>&amp;Platform:</source>
        <translation>&amp;Plattform:</translation>
    </message>
    <message>
        <source>&amp;Country:</source>
        <translation>&amp;Land:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>Spr&amp;ache:</translation>
    </message>
    <message>
        <source>Followers f&amp;rom:</source>
        <translation>Follower a&amp;b:</translation>
    </message>
    <message>
        <source>Followers &amp;to:</source>
        <translation>Follower &amp;bis:</translation>
    </message>
    <message>
        <source>&amp;Engagement at least:</source>
        <translation>&amp;Engagement mindestens:</translation>
    </message>
    <message>
        <source>Name, handle or bio</source>
        <translation>Name, Handle oder Bio</translation>
    </message>
    <message>
        <source>Any platform</source>
        <translation>Alle Plattformen</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Beliebig</translation>
    </message>
    <message>
        <source>Relevance</source>
        <translation>Relevanz</translation>
    </message>
    <message>
        <source>Followers</source>
        <translation>Follower</translation>
    </message>
    <message>
        <source>Engagement</source>
        <translation>Engagement</translation>
    </message>
    <message>
        <source>Growth</source>
        <translation>Wachstum</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Suche läuft …</translation>
    </message>
    <message>
        <source>No creators match these filters.</source>
        <translation>Keine Creator passen zu diesen Filtern.</translation>
    </message>
    <message>
        <source>Creators found: %1</source>
        <translation>Gefundene Creator: %1</translation>
    </message>
    <message>
        <source>%1 shown</source>
        <translation>%1 angezeigt</translation>
    </message>
    <message>
        <source>loading more…</source>
        <translation>weitere werden geladen …</translation>
    </message>
    <message>
        <source>&amp;Invite to campaign…</source>
        <translation>Zu Kampagne e&amp;inladen …</translation>
    </message>
    <message>
        <source>&amp;Invite one creator…</source>
        <translation>Einen Creator e&amp;inladen …</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Invite %n creators…</source>
        <translation>
            <numerusform>%n Creator e&amp;inladen …</numerusform>
            <numerusform>%n Creator e&amp;inladen …</numerusform>
        </translation>
    </message>
    <message>
        <source>Invite the selected creators to one of your active campaigns (%1).</source>
        <translation>Die ausgewählten Creator zu einer Ihrer aktiven Kampagnen einladen (%1).</translation>
    </message>
    <message>
        <source>Select one or more creators first (Shift or Ctrl and click for several).</source>
        <translation>Wählen Sie zuerst einen oder mehrere Creator aus (mehrere mit Umschalt- oder Strg-Taste und Klick).</translation>
    </message>
    <message>
        <source>Any niche</source>
        <translation>Alle Nischen</translation>
    </message>
    <message>
        <source>Any country</source>
        <translation>Alle Länder</translation>
    </message>
    <message>
        <source>Any language</source>
        <translation>Alle Sprachen</translation>
    </message>
    <message>
        <source>Reset &amp;filters</source>
        <translation>Filter &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>E&amp;xport as CSV…</source>
        <translation>Als CSV e&amp;xportieren …</translation>
    </message>
    <message>
        <source>Saves the rows shown, with the filters they were found with.</source>
        <translation>Speichert die angezeigten Zeilen mit den Filtern, mit denen sie gefunden wurden.</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>Niche</source>
        <translation>Nische</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Followers from</source>
        <translation>Follower ab</translation>
    </message>
    <message>
        <source>Followers to</source>
        <translation>Follower bis</translation>
    </message>
    <message>
        <source>Engagement at least (%)</source>
        <translation>Engagement mindestens (%)</translation>
    </message>
    <message>
        <source>Sorted by</source>
        <translation>Sortiert nach</translation>
    </message>
    <message>
        <source>creators</source>
        <translation>creator</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 gespeichert.</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>%1 konnte nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Reset filters</source>
        <translation>Filter zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;Deliverable:</source>
        <translation>Leis&amp;tung:</translation>
    </message>
    <message>
        <source>&amp;Max price:</source>
        <translation>&amp;Maximalpreis:</translation>
    </message>
    <message>
        <source>Any deliverable</source>
        <translation>Alle Leistungen</translation>
    </message>
    <message>
        <source>Creators who charge at most the maximum price for this deliverable, in the currency chosen (rates in other currencies are not converted).</source>
        <translation>Creator, die für diese Leistung höchstens den Maximalpreis verlangen, in der gewählten Währung (Preise in anderen Währungen werden nicht umgerechnet).</translation>
    </message>
    <message>
        <source>The currency of the creators&apos; rates</source>
        <translation>Die Währung, in der die Creator ihre Preise angeben</translation>
    </message>
    <message>
        <source>Deliverable</source>
        <translation>Leistung</translation>
    </message>
    <message>
        <source>Max price</source>
        <translation>Maximalpreis</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>More &amp;like these</source>
        <translation>Mehr &amp;wie diese</translation>
    </message>
    <message>
        <source>No creators match these filters with an authenticity score of at least %1. Creators not assessed yet are left out by that filter.</source>
        <translation>Keine Creator mit einem Echtheitswert von mindestens %1 passen zu diesen Filtern. Noch nicht bewertete Creator lässt dieser Filter weg.</translation>
    </message>
    <message>
        <source>&amp;Authenticity at least:</source>
        <translation>Ec&amp;htheit mindestens:</translation>
    </message>
    <message>
        <source>Only creators whose follower growth scores at least this (0 to 100); those not assessed yet are left out.</source>
        <translation>Nur Creator, deren Follower-Wachstum mindestens diesen Wert erreicht (0 bis 100); noch nicht bewertete werden weggelassen.</translation>
    </message>
    <message>
        <source>Authenticity</source>
        <translation>Echtheit</translation>
    </message>
    <message>
        <source>Authenticity at least</source>
        <translation>Echtheit mindestens</translation>
    </message>
</context>
<context>
    <name>influence::desktop::EarningsPage</name>
    <message>
        <source>Earnings</source>
        <translation>Einnahmen</translation>
    </message>
    <message>
        <source>Payout readiness</source>
        <translation>Bereitschaft für Auszahlungen</translation>
    </message>
    <message>
        <source>Payout account</source>
        <translation>Auszahlungskonto</translation>
    </message>
    <message>
        <source>&amp;Account ID</source>
        <translation>&amp;Konto-ID</translation>
    </message>
    <message>
        <source>The ID of your connected account at the payment provider.</source>
        <translation>Die ID Ihres verbundenen Kontos beim Zahlungsanbieter.</translation>
    </message>
    <message>
        <source>&amp;Tax form</source>
        <translation>&amp;Steuerformular</translation>
    </message>
    <message>
        <source>&amp;Save payout account</source>
        <translation>Auszahlungskonto &amp;speichern</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>Summen</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Erwartet</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Verspätet</translation>
    </message>
    <message>
        <source>Being paid</source>
        <translation>In Zahlung</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Bezahlt</translation>
    </message>
    <message>
        <source>By deal</source>
        <translation>Nach Deal</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Kampagne</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>Marke</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Honorar</translation>
    </message>
    <message>
        <source>Next due</source>
        <translation>Nächste Fälligkeit</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Loading your earnings…</source>
        <translation>Ihre Einnahmen werden geladen …</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>Ready to be paid.</source>
        <translation>Bereit für Auszahlungen.</translation>
    </message>
    <message>
        <source>Approved payouts are transferred to your payout account.</source>
        <translation>Freigegebene Auszahlungen werden auf Ihr Auszahlungskonto überwiesen.</translation>
    </message>
    <message>
        <source>Not ready to be paid yet.</source>
        <translation>Noch nicht bereit für Auszahlungen.</translation>
    </message>
    <message>
        <source>Brands cannot approve your payouts until you add:</source>
        <translation>Marken können Ihre Auszahlungen erst freigeben, wenn Sie Folgendes ergänzen:</translation>
    </message>
    <message>
        <source>No payout account yet. Connect one at the payment provider and enter its ID here.</source>
        <translation>Noch kein Auszahlungskonto. Verbinden Sie eines beim Zahlungsanbieter und tragen Sie hier seine ID ein.</translation>
    </message>
    <message>
        <source>The payment provider can send transfers to %1.</source>
        <translation>Der Zahlungsanbieter kann Überweisungen an %1 senden.</translation>
    </message>
    <message>
        <source>The payment provider has not enabled transfers to %1 yet. Finish the provider&apos;s onboarding; this page updates once it has.</source>
        <translation>Der Zahlungsanbieter hat Überweisungen an %1 noch nicht freigeschaltet. Schließen Sie die Einrichtung beim Anbieter ab; diese Seite aktualisiert sich, sobald das geschehen ist.</translation>
    </message>
    <message>
        <source>Enter the ID of your account at the payment provider.</source>
        <translation>Geben Sie die ID Ihres Kontos beim Zahlungsanbieter ein.</translation>
    </message>
    <message>
        <source>Saving the payout account…</source>
        <translation>Auszahlungskonto wird gespeichert …</translation>
    </message>
    <message>
        <source>The payout account was not saved. %1</source>
        <translation>Das Auszahlungskonto wurde nicht gespeichert. %1</translation>
    </message>
    <message>
        <source>The payout account was saved.</source>
        <translation>Das Auszahlungskonto wurde gespeichert.</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>Eingegangen am</translation>
    </message>
    <message>
        <source>When the tax form reached the platform (the form itself is kept elsewhere).</source>
        <translation>Wann das Steuerformular bei der Plattform eingegangen ist (das Formular selbst wird anderswo aufbewahrt).</translation>
    </message>
</context>
<context>
    <name>influence::desktop::EmvTablesPage</name>
    <message>
        <source>EMV values</source>
        <translation>EMV-Werte</translation>
    </message>
    <message>
        <source>Earned media value</source>
        <translation>Earned Media Value</translation>
    </message>
    <message>
        <source>Earned media value counts each action on a post at a value per platform. Our defaults are in the README; your brand&apos;s own values replace them for its campaigns in that currency. Values are in the currency&apos;s units, with up to four more decimals (0.025 for 2.5 cents).</source>
        <translation>Der Earned Media Value bewertet jede Aktion bei einem Beitrag mit einem Wert je Plattform. Unsere Standardwerte stehen im README; die eigenen Werte Ihrer Marke ersetzen sie für deren Kampagnen in dieser Währung. Werte in Einheiten der Währung, mit bis zu vier weiteren Nachkommastellen (0,025 für 2,5 Cent).</translation>
    </message>
    <message>
        <source>&amp;Currency:</source>
        <translation>&amp;Währung:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <source>Per 1,000 impressions</source>
        <translation>Je 1.000 Impressionen</translation>
    </message>
    <message>
        <source>Per view</source>
        <translation>Je Aufruf</translation>
    </message>
    <message>
        <source>Per like</source>
        <translation>Je Like</translation>
    </message>
    <message>
        <source>Per comment</source>
        <translation>Je Kommentar</translation>
    </message>
    <message>
        <source>Per share</source>
        <translation>Je Teilen</translation>
    </message>
    <message>
        <source>Per save</source>
        <translation>Je Speichern</translation>
    </message>
    <message>
        <source>Per click</source>
        <translation>Je Klick</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>Neu &amp;laden</translation>
    </message>
    <message>
        <source>&amp;Save as our values</source>
        <translation>Als unsere Werte &amp;speichern</translation>
    </message>
    <message>
        <source>Loading the EMV values…</source>
        <translation>EMV-Werte werden geladen…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>%1 values</source>
        <translation>Werte %1</translation>
    </message>
    <message>
        <source>Your brand&apos;s values for %1, last changed %2.</source>
        <translation>Die Werte Ihrer Marke für %1, zuletzt geändert %2.</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Please write these as numbers such as 0.025: %1.</source>
        <translation>Bitte als Zahlen wie 0,025 schreiben: %1.</translation>
    </message>
    <message>
        <source>Not saved. %1</source>
        <translation>Nicht gespeichert. %1</translation>
    </message>
    <message>
        <source>Saved: your campaigns in %1 count with these values.</source>
        <translation>Gespeichert: Ihre Kampagnen in %1 rechnen mit diesen Werten.</translation>
    </message>
    <message>
        <source>Our defaults: %1. Saving makes them your brand&apos;s own.</source>
        <translation>Unsere Standardwerte: %1. Speichern macht sie zu den Werten Ihrer Marke.</translation>
    </message>
</context>
<context>
    <name>influence::desktop::FiringsTable</name>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>What it did</source>
        <translation>Was sie getan hat</translation>
    </message>
</context>
<context>
    <name>influence::desktop::ForecastBands</name>
    <message>
        <source>No forecast: %1</source>
        <translation>Keine Prognose: %1</translation>
    </message>
    <message>
        <source>in-sample MASE %1</source>
        <translation>MASE auf den Verlaufsdaten %1</translation>
    </message>
    <message>
        <source>no in-sample error</source>
        <translation>kein Fehler auf den Verlaufsdaten</translation>
    </message>
    <message numerus="yes">
        <source>Forecast, next %n day(s): %1, %2; shaded 80 % and 95 % intervals</source>
        <translation>
            <numerusform>Prognose für %n Tag: %1, %2; schattiert die 80-%- und 95-%-Intervalle</numerusform>
            <numerusform>Prognose für %n Tage: %1, %2; schattiert die 80-%- und 95-%-Intervalle</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>influence::desktop::HomeDashboard</name>
    <message>
        <source>Adding up your campaigns&apos; figures…</source>
        <translation>Die Zahlen Ihrer Kampagnen werden zusammengerechnet…</translation>
    </message>
    <message>
        <source>No campaigns yet: the figures appear here once your first campaign&apos;s creators publish.</source>
        <translation>Noch keine Kampagnen: Die Zahlen erscheinen hier, sobald die Creator Ihrer ersten Kampagne veröffentlichen.</translation>
    </message>
    <message>
        <source>No campaign has a budget in this filter.</source>
        <translation>Keine Kampagne in diesem Filter hat ein Budget.</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Kampagne</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>&amp;Campaign:</source>
        <translation>&amp;Kampagne:</translation>
    </message>
    <message>
        <source>All campaigns</source>
        <translation>Alle Kampagnen</translation>
    </message>
    <message>
        <source>Performance over time</source>
        <translation>Entwicklung im Zeitraum</translation>
    </message>
    <message>
        <source>Spend against budget</source>
        <translation>Ausgaben im Verhältnis zum Budget</translation>
    </message>
    <message>
        <source>Top creators</source>
        <translation>Top-Creator</translation>
    </message>
    <message>
        <source>Top posts</source>
        <translation>Top-Beiträge</translation>
    </message>
    <message>
        <source>compared with %1 – %2</source>
        <translation>verglichen mit %1 – %2</translation>
    </message>
    <message>
        <source>EMV table: %1</source>
        <translation>EMV-Tabelle: %1</translation>
    </message>
    <message>
        <source>Money in %1 only (campaigns in %2 are left out of the money figures)</source>
        <translation>Beträge nur in %1 (Kampagnen in %2 fehlen in den Geldbeträgen)</translation>
    </message>
</context>
<context>
    <name>influence::desktop::HomeView</name>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>Sign in to see what is waiting for you.</source>
        <translation>Melden Sie sich an, um zu sehen, was auf Sie wartet.</translation>
    </message>
    <message>
        <source>Looking for what is waiting for you…</source>
        <translation>Suche, was auf Sie wartet …</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>Offer of %1</source>
        <translation>Angebot über %1</translation>
    </message>
    <message>
        <source>Nothing is waiting for you: no offers to answer, no drafts to review and nothing overdue.</source>
        <translation>Nichts wartet auf Sie: keine Angebote zu beantworten, keine Entwürfe zu prüfen und nichts überfällig.</translation>
    </message>
    <message>
        <source>Offers waiting for your answer</source>
        <translation>Angebote, die auf Ihre Antwort warten</translation>
    </message>
    <message>
        <source>Drafts to review</source>
        <translation>Zu prüfende Entwürfe</translation>
    </message>
    <message>
        <source>Drafts to rework</source>
        <translation>Zu überarbeitende Entwürfe</translation>
    </message>
    <message>
        <source>Overdue deliverables</source>
        <translation>Überfällige Leistungen</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Waiting for you</source>
        <translation>Wartet auf Sie</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>Deal</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Payouts due (%1)</source>
        <translation>Fällige Auszahlungen (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%n payout(s) waiting for approval</source>
        <translation>
            <numerusform>%n Auszahlung wartet auf Freigabe</numerusform>
            <numerusform>%n Auszahlungen warten auf Freigabe</numerusform>
        </translation>
    </message>
    <message>
        <source>Payouts</source>
        <translation>Auszahlungen</translation>
    </message>
    <message>
        <source>Opens the payouts page (Enter or double-click).</source>
        <translation>Öffnet die Seite der Auszahlungen (Eingabetaste oder Doppelklick).</translation>
    </message>
    <message>
        <source>Your campaigns at a glance</source>
        <translation>Ihre Kampagnen auf einen Blick</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>Zu erledigen</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more, earliest due shown first</source>
        <translation>
            <numerusform>… und %n weiteres; die am frühesten fälligen stehen oben</numerusform>
            <numerusform>… und %n weitere; die am frühesten fälligen stehen oben</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;Set up your brand first.&lt;/b&gt; Campaigns, invitations and the figures on this page belong to a brand: give yours its name, website and country, and creators see who invites them.</source>
        <translation>&lt;b&gt;Legen Sie zuerst Ihre Marke an.&lt;/b&gt; Kampagnen, Einladungen und die Zahlen auf dieser Seite gehören zu einer Marke: Geben Sie ihr Namen, Website und Land, dann sehen Creator, wer sie einlädt.</translation>
    </message>
    <message>
        <source>Set up &amp;your brand…</source>
        <translation>&amp;Marke anlegen…</translation>
    </message>
</context>
<context>
    <name>influence::desktop::InviteDialog</name>
    <message>
        <source>Invite to campaign</source>
        <translation>Zu Kampagne einladen</translation>
    </message>
    <message>
        <source>Invite the selected creators to one of your active campaigns with a first offer. Each creator gets their own deal and can accept, decline or counter.</source>
        <translation>Laden Sie die ausgewählten Creator mit einem ersten Angebot zu einer Ihrer aktiven Kampagnen ein. Jeder Creator erhält einen eigenen Deal und kann annehmen, ablehnen oder ein Gegenangebot machen.</translation>
    </message>
    <message>
        <source>&amp;Campaign:</source>
        <translation>&amp;Kampagne:</translation>
    </message>
    <message>
        <source>Loading your active campaigns…</source>
        <translation>Ihre aktiven Kampagnen werden geladen …</translation>
    </message>
    <message>
        <source>No active campaign. Launch one on the Campaigns page, then invite creators to it.</source>
        <translation>Keine aktive Kampagne. Starten Sie eine auf der Seite „Kampagnen“ und laden Sie dann Creator dazu ein.</translation>
    </message>
    <message>
        <source>&amp;Message (optional):</source>
        <translation>Na&amp;chricht (optional):</translation>
    </message>
    <message>
        <source>A few words to the creators; they read it with the offer.</source>
        <translation>Ein paar Worte an die Creator; sie lesen sie zusammen mit dem Angebot.</translation>
    </message>
    <message numerus="yes">
        <source>Creators (%n):</source>
        <translation>
            <numerusform>Creator (%n):</numerusform>
            <numerusform>Creator (%n):</numerusform>
        </translation>
    </message>
    <message>
        <source>Creator</source>
        <translation>Creator</translation>
    </message>
    <message>
        <source>Invitation</source>
        <translation>Einladung</translation>
    </message>
    <message>
        <source>Open the &amp;board</source>
        <translation>&amp;Board öffnen</translation>
    </message>
    <message>
        <source>Send &amp;again</source>
        <translation>Erneut &amp;senden</translation>
    </message>
    <message>
        <source>&amp;Send invitations</source>
        <translation>Einladungen &amp;senden</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Budget %1</source>
        <translation>Budget %1</translation>
    </message>
    <message>
        <source>The message is too long (at most %1 characters).</source>
        <translation>Die Nachricht ist zu lang (höchstens %1 Zeichen).</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet …</translation>
    </message>
    <message>
        <source>Invited</source>
        <translation>Eingeladen</translation>
    </message>
    <message>
        <source>Already has a deal in this campaign</source>
        <translation>Hat in dieser Kampagne bereits einen Deal</translation>
    </message>
    <message>
        <source>Not sent (cancelled)</source>
        <translation>Nicht gesendet (abgebrochen)</translation>
    </message>
    <message numerus="yes">
        <source>Answered: %1 of %n</source>
        <translation>
            <numerusform>Beantwortet: %1 von %n</numerusform>
            <numerusform>Beantwortet: %1 von %n</numerusform>
        </translation>
    </message>
    <message>
        <source>One creator invited.</source>
        <translation>Ein Creator eingeladen.</translation>
    </message>
    <message numerus="yes">
        <source>%n creators invited.</source>
        <translation>
            <numerusform>%n Creator eingeladen.</numerusform>
            <numerusform>%n Creator eingeladen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not invited: see the list.</source>
        <translation>
            <numerusform>%n nicht eingeladen: siehe Liste.</numerusform>
            <numerusform>%n nicht eingeladen: siehe Liste.</numerusform>
        </translation>
    </message>
    <message>
        <source>The campaign is no longer active</source>
        <translation>Die Kampagne ist nicht mehr aktiv</translation>
    </message>
    <message>
        <source>This creator cannot be invited (no active profile)</source>
        <translation>Dieser Creator kann nicht eingeladen werden (kein aktives Profil)</translation>
    </message>
    <message>
        <source>A creator with a rate beside their name is offered that rate; the fee below is for the others.</source>
        <translation>Ein Creator mit einem Preis neben dem Namen erhält diesen Preis als Honorar; das Honorar unten gilt für die anderen.</translation>
    </message>
</context>
<context>
    <name>influence::desktop::KpiTile</name>
    <message>
        <source>Previous period: %1</source>
        <translation>Vorheriger Zeitraum: %1</translation>
    </message>
</context>
<context>
    <name>influence::desktop::LanguagePicker</name>
    <message>
        <source>None chosen.</source>
        <translation>Keine gewählt.</translation>
    </message>
    <message>
        <source>Chosen: %1</source>
        <translation>Gewählt: %1</translation>
    </message>
    <message>
        <source>Find a language (its name or code)</source>
        <translation>Sprache suchen (Name oder Kürzel)</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Sprachen</translation>
    </message>
</context>
<context>
    <name>influence::desktop::LedgerTab</name>
    <message>
        <source>ledger.csv</source>
        <translation>hauptbuch.csv</translation>
    </message>
    <message>
        <source>Ledger</source>
        <translation>Hauptbuch</translation>
    </message>
    <message>
        <source>Every movement of the campaign&apos;s money, oldest first: the budget, each accepted fee reserved, each payout as it becomes payable and is paid. Entries are never changed; a correction is a new movement.</source>
        <translation>Jede Bewegung des Geldes der Kampagne, die älteste zuerst: das Budget, jedes reservierte Honorar eines angenommenen Angebots, jede Auszahlung, wenn sie zahlbar und wenn sie bezahlt wird. Buchungen werden nie geändert; eine Korrektur ist eine neue Bewegung.</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>E&amp;xport as CSV…</source>
        <translation>Als CSV e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Load &amp;more</source>
        <translation>&amp;Weitere laden</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeitpunkt</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Budget left</source>
        <translation>Restbudget</translation>
    </message>
    <message>
        <source>The campaign&apos;s remaining budget after the movement, where it touched the budget.</source>
        <translation>Das verbleibende Budget der Kampagne nach der Bewegung, wo sie das Budget betraf.</translation>
    </message>
    <message>
        <source>Loading the ledger…</source>
        <translation>Das Hauptbuch wird geladen…</translation>
    </message>
    <message>
        <source>No money has moved in this campaign yet.</source>
        <translation>In dieser Kampagne wurde noch kein Geld bewegt.</translation>
    </message>
    <message>
        <source>Fee reserved (offer accepted)</source>
        <translation>Honorar reserviert (Angebot angenommen)</translation>
    </message>
    <message>
        <source>Reservation released</source>
        <translation>Reservierung freigegeben</translation>
    </message>
    <message>
        <source>Installment payable</source>
        <translation>Rate zahlbar</translation>
    </message>
    <message>
        <source>Payout cancelled</source>
        <translation>Auszahlung storniert</translation>
    </message>
    <message>
        <source>Payout sent to the provider</source>
        <translation>Auszahlung an den Zahlungsdienst übergeben</translation>
    </message>
    <message>
        <source>Payout failed</source>
        <translation>Auszahlung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Payout paid</source>
        <translation>Auszahlung bezahlt</translation>
    </message>
    <message>
        <source>Adjustment</source>
        <translation>Korrektur</translation>
    </message>
    <message>
        <source>a deal</source>
        <translation>einen Deal</translation>
    </message>
    <message>
        <source>Brand funds</source>
        <translation>Mittel der Marke</translation>
    </message>
    <message>
        <source>Campaign budget</source>
        <translation>Kampagnenbudget</translation>
    </message>
    <message>
        <source>Reserved for %1</source>
        <translation>Reserviert für %1</translation>
    </message>
    <message>
        <source>Payable to %1</source>
        <translation>Zahlbar an %1</translation>
    </message>
    <message>
        <source>At the payment provider for %1</source>
        <translation>Beim Zahlungsdienst für %1</translation>
    </message>
    <message>
        <source>Paid to %1</source>
        <translation>Bezahlt an %1</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Kampagne</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>The ledger was not exported. %1</source>
        <translation>Das Hauptbuch wurde nicht exportiert. %1</translation>
    </message>
    <message>
        <source>1 movement exported to %1.</source>
        <translation>1 Bewegung nach %1 exportiert.</translation>
    </message>
    <message>
        <source>%1 movements exported to %2.</source>
        <translation>%1 Bewegungen nach %2 exportiert.</translation>
    </message>
    <message>
        <source>Budget lowered</source>
        <translation>Budget gesenkt</translation>
    </message>
    <message>
        <source>Budget raised</source>
        <translation>Budget erhöht</translation>
    </message>
    <message>
        <source>Budget set</source>
        <translation>Budget festgelegt</translation>
    </message>
</context>
<context>
    <name>influence::desktop::LookalikesPage</name>
    <message>
        <source>More like these</source>
        <translation>Mehr wie diese</translation>
    </message>
    <message>
        <source>Creators like %1</source>
        <translation>Creator wie %1</translation>
    </message>
    <message>
        <source>Ranked by how much their niches, words, audience, platforms and size resemble those of the creators chosen, taken together. Double-click a creator to open their profile.</source>
        <translation>Geordnet danach, wie sehr Nischen, Wörter, Publikum, Plattformen und Größe denen der gewählten Creator zusammen ähneln. Doppelklicken Sie auf einen Creator, um das Profil zu öffnen.</translation>
    </message>
    <message>
        <source>Like %1</source>
        <translation>Wie %1</translation>
    </message>
</context>
<context>
    <name>influence::desktop::MainWindow</name>
    <message>
        <source>About Influence</source>
        <translation>Über Influence</translation>
    </message>
    <message>
        <source>Influence desktop %1
Influencer management and analytics.</source>
        <translation>Influence Desktop %1
Influencer-Management und -Analyse.</translation>
    </message>
    <message>
        <source>Influence</source>
        <translation>Influence</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Influence</source>
        <translation>Ü&amp;ber Influence</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>Verbunden mit %1</translation>
    </message>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation>Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Abgemeldet</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmeldung läuft …</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Angemeldet als %1</translation>
    </message>
    <message>
        <source>Session ended</source>
        <translation>Sitzung beendet</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <source>Back to the previous page (%1)</source>
        <translation>Zurück zur vorigen Seite (%1)</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>&amp;Vor</translation>
    </message>
    <message>
        <source>Forward again (%1)</source>
        <translation>Wieder vor (%1)</translation>
    </message>
    <message>
        <source>&amp;Window</source>
        <translation>&amp;Fenster</translation>
    </message>
    <message>
        <source>Open in &amp;New Window</source>
        <translation>In &amp;neuem Fenster öffnen</translation>
    </message>
    <message>
        <source>&amp;Quick Open…</source>
        <translation>&amp;Schnell öffnen…</translation>
    </message>
    <message>
        <source>Find a creator, campaign or deal by name (%1)</source>
        <translation>Creator, Kampagne oder Deal nach Namen finden (%1)</translation>
    </message>
    <message>
        <source>Server &amp;Diagnostics…</source>
        <translation>Server&amp;diagnose…</translation>
    </message>
</context>
<context>
    <name>influence::desktop::MetricsEntryDialog</name>
    <message>
        <source>Enter a day&apos;s figures</source>
        <translation>Zahlen eines Tages eingeben</translation>
    </message>
    <message>
        <source>For posts whose platform gives no figures (Stories, say): type the totals since publication as of the day, as the insights show them. Leave a figure empty when it is not known.</source>
        <translation>Für Beiträge, deren Plattform keine Zahlen liefert (etwa Storys): Geben Sie die Summen seit der Veröffentlichung zum gewählten Tag ein, wie die Statistiken sie zeigen. Lassen Sie eine Zahl leer, wenn sie nicht bekannt ist.</translation>
    </message>
    <message>
        <source>&amp;Deliverable:</source>
        <translation>Leis&amp;tung:</translation>
    </message>
    <message>
        <source>D&amp;ay:</source>
        <translation>T&amp;ag:</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>nicht bekannt</translation>
    </message>
    <message>
        <source>A link to a screenshot of the insights, say (https).</source>
        <translation>Ein Link etwa auf einen Screenshot der Statistiken (https).</translation>
    </message>
    <message>
        <source>&amp;Evidence URL:</source>
        <translation>&amp;Nachweis-URL:</translation>
    </message>
    <message>
        <source>&amp;Save figures</source>
        <translation>Zahlen &amp;speichern</translation>
    </message>
    <message>
        <source>Looking for the campaign&apos;s live deliverables…</source>
        <translation>Die veröffentlichten Leistungen der Kampagne werden gesucht…</translation>
    </message>
    <message>
        <source>No deliverable of this campaign is live yet: figures are entered for published posts.</source>
        <translation>Noch keine Leistung dieser Kampagne ist veröffentlicht: Zahlen werden für veröffentlichte Beiträge eingegeben.</translation>
    </message>
    <message>
        <source>%1 · %2 on %3</source>
        <translation>%1 · %2 auf %3</translation>
    </message>
    <message>
        <source>Type at least one figure.</source>
        <translation>Geben Sie mindestens eine Zahl ein.</translation>
    </message>
    <message>
        <source>The evidence URL must be an https:// address.</source>
        <translation>Die Nachweis-URL muss eine https://-Adresse sein.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
</context>
<context>
    <name>influence::desktop::MetricsModel</name>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Followers</source>
        <translation>Follower</translation>
    </message>
</context>
<context>
    <name>influence::desktop::NotificationBell</name>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>No unread notifications</source>
        <translation>Keine ungelesenen Benachrichtigungen</translation>
    </message>
    <message>
        <source>1 unread notification</source>
        <translation>1 ungelesene Benachrichtigung</translation>
    </message>
    <message>
        <source>%1 unread notifications</source>
        <translation>%1 ungelesene Benachrichtigungen</translation>
    </message>
    <message>
        <source>The count could not be updated: %1</source>
        <translation>Die Anzahl konnte nicht aktualisiert werden: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>influence::desktop::NotificationPreferences</name>
    <message>
        <source>A deliverable is due soon</source>
        <translation>Ein Beitrag ist bald fällig</translation>
    </message>
    <message>
        <source>A deliverable is overdue</source>
        <translation>Ein Beitrag ist überfällig</translation>
    </message>
    <message>
        <source>An offer waits for my answer</source>
        <translation>Ein Angebot wartet auf meine Antwort</translation>
    </message>
    <message>
        <source>A draft waits for review</source>
        <translation>Ein Entwurf wartet auf Prüfung</translation>
    </message>
    <message>
        <source>A payout needs my payout details</source>
        <translation>Eine Auszahlung braucht meine Auszahlungsdaten</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Wie</translation>
    </message>
    <message>
        <source>In the app and by e-mail</source>
        <translation>In der App und per E-Mail</translation>
    </message>
    <message>
        <source>In the app</source>
        <translation>In der App</translation>
    </message>
    <message>
        <source>By e-mail</source>
        <translation>Per E-Mail</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>In the daily digest</source>
        <translation>In der täglichen Zusammenfassung</translation>
    </message>
    <message>
        <source>Collect these e-mails into one mail a day.</source>
        <translation>Diese E-Mails in einer Mail pro Tag sammeln.</translation>
    </message>
    <message>
        <source>&amp;Quiet hours from</source>
        <translation>&amp;Ruhezeit von</translation>
    </message>
    <message>
        <source>E-mails that fall into the quiet hours are sent when they end; notifications in the app arrive at once.</source>
        <translation>E-Mails, die in die Ruhezeit fallen, werden an ihrem Ende verschickt; Benachrichtigungen in der App kommen sofort.</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>&amp;Zeitzone:</translation>
    </message>
    <message>
        <source>Save &amp;notification settings</source>
        <translation>Benachrichtigungseinstellungen &amp;speichern</translation>
    </message>
    <message>
        <source>Loading your notification settings…</source>
        <translation>Ihre Benachrichtigungseinstellungen werden geladen…</translation>
    </message>
    <message>
        <source>Sign in to choose how you are reminded.</source>
        <translation>Melden Sie sich an, um zu wählen, wie Sie erinnert werden.</translation>
    </message>
    <message>
        <source>The quiet hours must end at another time than they start.</source>
        <translation>Die Ruhezeit muss zu einer anderen Uhrzeit enden, als sie beginnt.</translation>
    </message>
    <message>
        <source>Saving the notification settings…</source>
        <translation>Die Benachrichtigungseinstellungen werden gespeichert…</translation>
    </message>
    <message>
        <source>The notification settings were not saved. %1</source>
        <translation>Die Benachrichtigungseinstellungen wurden nicht gespeichert. %1</translation>
    </message>
    <message>
        <source>The notification settings were saved.</source>
        <translation>Die Benachrichtigungseinstellungen wurden gespeichert.</translation>
    </message>
    <message>
        <source>A payout is late</source>
        <translation>Eine Auszahlung ist überfällig</translation>
    </message>
    <message>
        <source>An unclaimed payout goes back to the brand</source>
        <translation>Eine nicht abgerufene Auszahlung geht an die Marke zurück</translation>
    </message>
    <message>
        <source>The other side acts on a deal (offers, messages, drafts, payouts)</source>
        <translation>Die andere Seite handelt in einem Deal (Angebote, Nachrichten, Entwürfe, Auszahlungen)</translation>
    </message>
    <message>
        <source>Tell me when</source>
        <translation>Anlass</translation>
    </message>
</context>
<context>
    <name>influence::desktop::NotificationsView</name>
    <message>
        <source>Your notifications</source>
        <translation>Ihre Benachrichtigungen</translation>
    </message>
    <message>
        <source>&amp;Mark all read</source>
        <translation>Alle als gelesen &amp;markieren</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Loading your notifications…</source>
        <translation>Ihre Benachrichtigungen werden geladen…</translation>
    </message>
    <message>
        <source>No notifications yet. You are told here when the other side of a deal acts.</source>
        <translation>Noch keine Benachrichtigungen. Hier erfahren Sie, wenn die andere Seite eines Deals etwas tut.</translation>
    </message>
    <message>
        <source>Load &amp;more</source>
        <translation>&amp;Weitere laden</translation>
    </message>
    <message>
        <source>Notification</source>
        <translation>Benachrichtigung</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Kampagne</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Notifications, newest first</source>
        <translation>Benachrichtigungen, neueste zuerst</translation>
    </message>
    <message>
        <source>The notifications could not be loaded. %1</source>
        <translation>Die Benachrichtigungen konnten nicht geladen werden. %1</translation>
    </message>
    <message>
        <source>Loading more…</source>
        <translation>Weitere werden geladen…</translation>
    </message>
    <message>
        <source>More notifications could not be loaded. %1</source>
        <translation>Weitere Benachrichtigungen konnten nicht geladen werden. %1</translation>
    </message>
    <message>
        <source>Unread: %1</source>
        <translation>Ungelesen: %1</translation>
    </message>
    <message>
        <source>The notification could not be marked read. %1</source>
        <translation>Die Benachrichtigung konnte nicht als gelesen markiert werden. %1</translation>
    </message>
    <message>
        <source>Marking all read…</source>
        <translation>Alle werden als gelesen markiert…</translation>
    </message>
    <message>
        <source>The notifications could not be marked read. %1</source>
        <translation>Die Benachrichtigungen konnten nicht als gelesen markiert werden. %1</translation>
    </message>
    <message>
        <source>1 notification marked read.</source>
        <translation>1 Benachrichtigung als gelesen markiert.</translation>
    </message>
    <message>
        <source>%1 notifications marked read.</source>
        <translation>%1 Benachrichtigungen als gelesen markiert.</translation>
    </message>
    <message>
        <source>E&amp;xport as CSV…</source>
        <translation>Als CSV e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Listed</source>
        <translation>Aufgeführt</translation>
    </message>
    <message>
        <source>the newest %1 (older ones were not loaded)</source>
        <translation>die neuesten %1 (ältere wurden nicht geladen)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeitpunkt</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Gelesen</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>notifications.csv</source>
        <translation>benachrichtigungen.csv</translation>
    </message>
    <message>
        <source>The notifications were exported to %1.</source>
        <translation>Die Benachrichtigungen wurden nach %1 exportiert.</translation>
    </message>
    <message>
        <source>The notifications could not be exported: %1</source>
        <translation>Die Benachrichtigungen konnten nicht exportiert werden: %1</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Posteingang</translation>
    </message>
</context>
<context>
    <name>influence::desktop::OfferDialog</name>
    <message>
        <source>Counter-offer</source>
        <translation>Gegenangebot</translation>
    </message>
    <message>
        <source>Change what the creator delivers and the fee. The other side can accept, decline or counter again.</source>
        <translation>Ändern Sie die Leistungen des Creators und das Honorar. Die andere Seite kann annehmen, ablehnen oder erneut ein Gegenangebot machen.</translation>
    </message>
    <message>
        <source>&amp;Send counter-offer</source>
        <translation>Gegenangebot &amp;senden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet …</translation>
    </message>
    <message>
        <source>Send &amp;anyway</source>
        <translation>&amp;Trotzdem senden</translation>
    </message>
    <message>
        <source>&amp;Accept their offer</source>
        <translation>Vorliegendes Angebot &amp;annehmen</translation>
    </message>
    <message>
        <source>These are the terms of the offer on the table. To agree to them, accept that offer instead of sending them back.</source>
        <translation>Das sind die Bedingungen des vorliegenden Angebots. Um ihnen zuzustimmen, nehmen Sie dieses Angebot an, statt sie zurückzuschicken.</translation>
    </message>
    <message>
        <source>1 due date already passed: %1. Change it, or press “Send anyway” to send the offer as it is.</source>
        <translation>1 Fälligkeitsdatum ist bereits vorbei: %1. Ändern Sie es, oder wählen Sie „Trotzdem senden“, um das Angebot so zu senden.</translation>
    </message>
    <message>
        <source>%1 due dates already passed: %2. Change them, or press “Send anyway” to send the offer as it is.</source>
        <translation>%1 Fälligkeitsdaten sind bereits vorbei: %2. Ändern Sie sie, oder wählen Sie „Trotzdem senden“, um das Angebot so zu senden.</translation>
    </message>
</context>
<context>
    <name>influence::desktop::OfferEditor</name>
    <message>
        <source>Type</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>&amp;Add deliverable</source>
        <translation>Leistung hin&amp;zufügen</translation>
    </message>
    <message>
        <source>&amp;Remove deliverable</source>
        <translation>Leistung &amp;entfernen</translation>
    </message>
    <message>
        <source>&amp;Fee</source>
        <translation>&amp;Honorar</translation>
    </message>
    <message>
        <source>amount, for example 500</source>
        <translation>Betrag, zum Beispiel 500</translation>
    </message>
    <message>
        <source>Re&amp;vision rounds</source>
        <translation>Über&amp;arbeitungsrunden</translation>
    </message>
    <message>
        <source>&amp;Usage rights</source>
        <translation>&amp;Nutzungsrechte</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>N&amp;otiz</translation>
    </message>
    <message>
        <source>At most %1 pieces in all.</source>
        <translation>Insgesamt höchstens %1 Stück.</translation>
    </message>
    <message>
        <source>Check the deliverables: each needs a type, a platform, a quantity and a due date.</source>
        <translation>Prüfen Sie die Leistungen: Jede braucht eine Art, eine Plattform, eine Anzahl und ein Fälligkeitsdatum.</translation>
    </message>
    <message>
        <source>Type the fee as an amount, such as 500 or 500%150.</source>
        <translation>Geben Sie das Honorar als Betrag ein, etwa 500 oder 500%150.</translation>
    </message>
    <message>
        <source>A text is too long.</source>
        <translation>Ein Text ist zu lang.</translation>
    </message>
    <message>
        <source>&amp;Payment</source>
        <translation>&amp;Zahlung</translation>
    </message>
    <message>
        <source>Paid &amp;within</source>
        <translation>Zahlbar &amp;innerhalb</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tagen</translation>
    </message>
    <message>
        <source>Each part is paid within this many days after its condition is met.</source>
        <translation>Jeder Teil wird innerhalb so vieler Tage gezahlt, nachdem seine Bedingung erfüllt ist.</translation>
    </message>
    <message>
        <source>%1 % %2</source>
        <translation>%1 % %2</translation>
    </message>
    <message>
        <source>When the creator is paid: each part of the fee becomes due when its condition is met (the deal accepted, the content approved or live), plus the days below.</source>
        <translation>Wann der Creator bezahlt wird: Jeder Teil des Honorars wird fällig, wenn seine Bedingung erfüllt ist (Deal angenommen, Inhalt freigegeben oder veröffentlicht), zuzüglich der Tage darunter.</translation>
    </message>
    <message>
        <source>Check the payment schedule: its parts must add up to 100 % and be paid within 0 to %1 days.</source>
        <translation>Prüfen Sie den Zahlungsplan: Seine Teile müssen zusammen 100 % ergeben und innerhalb von 0 bis %1 Tagen gezahlt werden.</translation>
    </message>
</context>
<context>
    <name>influence::desktop::OwnProfileView</name>
    <message>
        <source>My profile</source>
        <translation>Mein Profil</translation>
    </message>
    <message>
        <source>Loading your profile…</source>
        <translation>Ihr Profil wird geladen…</translation>
    </message>
    <message>
        <source>This is how brands see you in discovery.</source>
        <translation>So sehen Marken Sie beim Entdecken.</translation>
    </message>
    <message>
        <source>You have no creator profile yet. Fill in the form and save it to appear in discovery.</source>
        <translation>Sie haben noch kein Creator-Profil. Füllen Sie das Formular aus und speichern Sie es, um beim Entdecken zu erscheinen.</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>&amp;Anzeigename:</translation>
    </message>
    <message>
        <source>&amp;Bio:</source>
        <translation>&amp;Bio:</translation>
    </message>
    <message>
        <source>&amp;Niches:</source>
        <translation>&amp;Nischen:</translation>
    </message>
    <message>
        <source>C&amp;ountry:</source>
        <translation>&amp;Land:</translation>
    </message>
    <message>
        <source>&amp;Languages:</source>
        <translation>S&amp;prachen:</translation>
    </message>
    <message>
        <source>R&amp;ates:</source>
        <translation>P&amp;reise:</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>Neu &amp;laden</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>Please correct the marked fields.</source>
        <translation>Bitte korrigieren Sie die markierten Felder.</translation>
    </message>
    <message>
        <source>Please fill this in.</source>
        <translation>Bitte ausfüllen.</translation>
    </message>
    <message>
        <source>At most 2000 characters.</source>
        <translation>Höchstens 2000 Zeichen.</translation>
    </message>
    <message>
        <source>At most 80 characters.</source>
        <translation>Höchstens 80 Zeichen.</translation>
    </message>
    <message>
        <source>An entry is listed twice.</source>
        <translation>Ein Eintrag kommt doppelt vor.</translation>
    </message>
    <message>
        <source>Too many entries.</source>
        <translation>Zu viele Einträge.</translation>
    </message>
    <message>
        <source>Use two-letter language codes, such as de or en.</source>
        <translation>Verwenden Sie zweibuchstabige Sprachcodes wie de oder en.</translation>
    </message>
    <message>
        <source>Enter a price such as 120.50 and a currency code such as EUR.</source>
        <translation>Geben Sie einen Preis wie 120,50 und einen Währungscode wie EUR ein.</translation>
    </message>
    <message>
        <source>Choose niches from the list.</source>
        <translation>Wählen Sie Nischen aus der Liste.</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>Nicht angegeben</translation>
    </message>
    <message>
        <source>Pick the country from the list.</source>
        <translation>Wählen Sie das Land aus der Liste.</translation>
    </message>
</context>
<context>
    <name>influence::desktop::PayoutActions</name>
    <message>
        <source>%1 to %2 (%3, installment %4)</source>
        <extracomment>A payout named in a question: &quot;€1,925.00 to Lena Travels (Summit boots, installment 1)&quot;</extracomment>
        <translation>%1 an %2 (%3, Rate %4)</translation>
    </message>
    <message>
        <source>The payout of %1 is recorded as paid (reference %2).</source>
        <translation>Die Auszahlung von %1 ist als bezahlt erfasst (Referenz %2).</translation>
    </message>
    <message>
        <source>The payment may not have reached the server. Record it again: it is recorded only once. (%1)</source>
        <translation>Die Zahlung hat den Server vielleicht nicht erreicht. Erfassen Sie sie erneut: Sie wird nur einmal erfasst. (%1)</translation>
    </message>
    <message>
        <source>The payment was not recorded. %1</source>
        <translation>Die Zahlung wurde nicht erfasst. %1</translation>
    </message>
    <message>
        <source>Cancel the payout?</source>
        <translation>Auszahlung stornieren?</translation>
    </message>
    <message>
        <source>Cancel the payout of %1?</source>
        <translation>Die Auszahlung von %1 stornieren?</translation>
    </message>
    <message>
        <source>%1 goes back to the budget of %2. This installment will not be paid to %3.</source>
        <translation>%1 geht zurück in das Budget von %2. Diese Rate wird %3 nicht ausgezahlt.</translation>
    </message>
    <message>
        <source>Cancel the &amp;payout</source>
        <translation>Auszahlung s&amp;tornieren</translation>
    </message>
    <message>
        <source>&amp;Keep it</source>
        <translation>&amp;Behalten</translation>
    </message>
    <message>
        <source>Cancelling the payout…</source>
        <translation>Die Auszahlung wird storniert…</translation>
    </message>
    <message>
        <source>The payout of %1 is cancelled: %2 went back to the campaign&apos;s budget.</source>
        <translation>Die Auszahlung von %1 ist storniert: %2 ging zurück in das Budget der Kampagne.</translation>
    </message>
    <message>
        <source>The cancellation may not have reached the server. Cancel again: it is done only once. (%1)</source>
        <translation>Die Stornierung hat den Server vielleicht nicht erreicht. Stornieren Sie erneut: Sie geschieht nur einmal. (%1)</translation>
    </message>
    <message>
        <source>The payout was not cancelled. %1</source>
        <translation>Die Auszahlung wurde nicht storniert. %1</translation>
    </message>
    <message numerus="yes">
        <source>%n payouts, %1 in all, are recorded as paid (reference %2).</source>
        <translation>
            <numerusform>%n Auszahlung, insgesamt %1, ist als bezahlt erfasst (Referenz %2).</numerusform>
            <numerusform>%n Auszahlungen, insgesamt %1, sind als bezahlt erfasst (Referenz %2).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel %n payouts?</source>
        <translation>
            <numerusform>%n Auszahlung stornieren?</numerusform>
            <numerusform>%n Auszahlungen stornieren?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel %n payouts, %1 in all?</source>
        <translation>
            <numerusform>%n Auszahlung, insgesamt %1, stornieren?</numerusform>
            <numerusform>%n Auszahlungen, insgesamt %1, stornieren?</numerusform>
        </translation>
    </message>
    <message>
        <source>Each amount goes back to its campaign&apos;s budget. These installments will not be paid.</source>
        <translation>Jeder Betrag geht zurück in das Budget seiner Kampagne. Diese Raten werden nicht ausgezahlt.</translation>
    </message>
    <message>
        <source>Cancel the &amp;payouts</source>
        <translation>Auszahlungen s&amp;tornieren</translation>
    </message>
    <message>
        <source>&amp;Keep them</source>
        <translation>&amp;Behalten</translation>
    </message>
    <message numerus="yes">
        <source>Cancelling %n payouts…</source>
        <translation>
            <numerusform>%n Auszahlung wird storniert…</numerusform>
            <numerusform>%n Auszahlungen werden storniert…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n payouts are cancelled: %1 went back to their campaigns&apos; budgets.</source>
        <translation>
            <numerusform>%n Auszahlung ist storniert: %1 ging zurück in das Budget der Kampagne.</numerusform>
            <numerusform>%n Auszahlungen sind storniert: %1 ging zurück in die Budgets ihrer Kampagnen.</numerusform>
        </translation>
    </message>
    <message>
        <source>The payouts were not cancelled. %1</source>
        <translation>Die Auszahlungen wurden nicht storniert. %1</translation>
    </message>
</context>
<context>
    <name>influence::desktop::PayoutsModel</name>
    <message>
        <source>%1 · %2 % %3</source>
        <extracomment>A payout&apos;s installment: its number, share and condition (&quot;2 · 50 % when live&quot;)</extracomment>
        <translation>%1 · %2 % %3</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Verspätet</translation>
    </message>
    <message>
        <source>The payment provider said: %1</source>
        <translation>Der Zahlungsanbieter meldete: %1</translation>
    </message>
    <message>
        <source>The due date has passed and the payout is not paid yet.</source>
        <translation>Das Fälligkeitsdatum ist überschritten und die Auszahlung noch nicht bezahlt.</translation>
    </message>
    <message>
        <source>Creator</source>
        <translation>Creator</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Kampagne</translation>
    </message>
    <message>
        <source>Installment</source>
        <translation>Rate</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Bedingung</translation>
    </message>
    <message>
        <source>Percent</source>
        <translation>Prozent</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
</context>
<context>
    <name>influence::desktop::PayoutsPage</name>
    <message>
        <source>payouts.csv</source>
        <translation>auszahlungen.csv</translation>
    </message>
    <message>
        <source>Payouts</source>
        <translation>Auszahlungen</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>An&amp;zeigen</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Verspätet</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>&amp;Campaign</source>
        <translation>&amp;Kampagne</translation>
    </message>
    <message>
        <source>All campaigns</source>
        <translation>Alle Kampagnen</translation>
    </message>
    <message>
        <source>C&amp;reator</source>
        <translation>C&amp;reator</translation>
    </message>
    <message>
        <source>All creators</source>
        <translation>Alle Creator</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>E&amp;xport as CSV…</source>
        <translation>Als CSV e&amp;xportieren …</translation>
    </message>
    <message>
        <source>Send the approval &amp;again</source>
        <translation>Freigabe &amp;erneut senden</translation>
    </message>
    <message>
        <source>The server approves only once, however often this is sent.</source>
        <translation>Der Server gibt nur einmal frei, wie oft dies auch gesendet wird.</translation>
    </message>
    <message>
        <source>Loading the payouts…</source>
        <translation>Auszahlungen werden geladen …</translation>
    </message>
    <message>
        <source>No payouts are due. Nothing to approve.</source>
        <translation>Keine Auszahlungen fällig. Nichts freizugeben.</translation>
    </message>
    <message>
        <source>No payouts are late.</source>
        <translation>Keine Auszahlungen sind verspätet.</translation>
    </message>
    <message>
        <source>No payouts have failed.</source>
        <translation>Keine Auszahlungen sind fehlgeschlagen.</translation>
    </message>
    <message>
        <source>No payouts yet. A payout appears once an installment&apos;s condition is met, such as a deal accepted or its posts live.</source>
        <translation>Noch keine Auszahlungen. Eine Auszahlung erscheint, sobald die Bedingung einer Rate erfüllt ist, etwa ein angenommener Deal oder veröffentlichte Beiträge.</translation>
    </message>
    <message>
        <source>&amp;Approve selected</source>
        <translation>Ausgewählte &amp;freigeben</translation>
    </message>
    <message>
        <source>Select due or scheduled payouts to approve them.</source>
        <translation>Wählen Sie fällige oder geplante Auszahlungen aus, um sie freizugeben.</translation>
    </message>
    <message>
        <source>Approve payouts?</source>
        <translation>Auszahlungen freigeben?</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <source>A creator</source>
        <translation>Ein Creator</translation>
    </message>
    <message>
        <source>Nothing was approved: %1 cannot be paid yet.</source>
        <translation>Nichts wurde freigegeben: %1 kann noch nicht bezahlt werden.</translation>
    </message>
    <message>
        <source>Nothing was approved: %1 cannot be paid yet and still needs %2.</source>
        <translation>Nichts wurde freigegeben: %1 kann noch nicht bezahlt werden und braucht noch %2.</translation>
    </message>
    <message>
        <source>Nothing was approved: the payout to %1 is %2 now. Refresh to see the payouts as they are.</source>
        <translation>Nichts wurde freigegeben: Die Auszahlung an %1 ist jetzt „%2“. Aktualisieren Sie, um die Auszahlungen im aktuellen Stand zu sehen.</translation>
    </message>
    <message>
        <source>Nothing was approved. %1</source>
        <translation>Nichts wurde freigegeben. %1</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeige</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Kampagne</translation>
    </message>
    <message>
        <source>Creator</source>
        <translation>Creator</translation>
    </message>
    <message>
        <source>The payouts were not exported. %1</source>
        <translation>Die Auszahlungen wurden nicht exportiert. %1</translation>
    </message>
    <message>
        <source>&amp;Approve %1 selected</source>
        <translation>%1 ausgewählte &amp;freigeben</translation>
    </message>
    <message>
        <source>%1 selected</source>
        <translation>%1 ausgewählt</translation>
    </message>
    <message>
        <source>Approve 1 payout of %1?</source>
        <translation>1 Auszahlung über %1 freigeben?</translation>
    </message>
    <message>
        <source>Approve %1 payouts for a total of %2?</source>
        <translation>%1 Auszahlungen über insgesamt %2 freigeben?</translation>
    </message>
    <message>
        <source>The creator is paid through the payment provider. This cannot be undone once the transfer has been made.</source>
        <translation>Der Creator wird über den Zahlungsanbieter bezahlt. Nach der Überweisung lässt sich das nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>%1 creators are paid through the payment provider. This cannot be undone once the transfers have been made.</source>
        <translation>%1 Creator werden über den Zahlungsanbieter bezahlt. Nach den Überweisungen lässt sich das nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>&amp;Approve 1 payout</source>
        <translation>1 Auszahlung &amp;freigeben</translation>
    </message>
    <message>
        <source>&amp;Approve %1 payouts</source>
        <translation>%1 Auszahlungen &amp;freigeben</translation>
    </message>
    <message>
        <source>Approving 1 payout…</source>
        <translation>1 Auszahlung wird freigegeben …</translation>
    </message>
    <message>
        <source>Approving %1 payouts…</source>
        <translation>%1 Auszahlungen werden freigegeben …</translation>
    </message>
    <message>
        <source>1 payout approved. The payment provider is paying it now.</source>
        <translation>1 Auszahlung freigegeben. Der Zahlungsanbieter zahlt sie jetzt aus.</translation>
    </message>
    <message>
        <source>%1 payouts approved. The payment provider is paying them now.</source>
        <translation>%1 Auszahlungen freigegeben. Der Zahlungsanbieter zahlt sie jetzt aus.</translation>
    </message>
    <message>
        <source>1 payout exported to %1.</source>
        <translation>1 Auszahlung nach %1 exportiert.</translation>
    </message>
    <message>
        <source>%1 payouts exported to %2.</source>
        <translation>%1 Auszahlungen nach %2 exportiert.</translation>
    </message>
    <message>
        <source>Pay &amp;failed again</source>
        <translation>&amp;Fehlgeschlagene erneut zahlen</translation>
    </message>
    <message>
        <source>Sends the selected failed payouts to the payment provider again, for example once the creator&apos;s account is fixed.</source>
        <translation>Sendet die ausgewählten fehlgeschlagenen Auszahlungen erneut an den Zahlungsanbieter, etwa nachdem das Konto des Creators korrigiert wurde.</translation>
    </message>
    <message>
        <source>Sending the failed payouts again…</source>
        <translation>Fehlgeschlagene Auszahlungen werden erneut gesendet …</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The failed payouts were sent to the payment provider again.</source>
        <translation>Die fehlgeschlagenen Auszahlungen wurden erneut an den Zahlungsanbieter gesendet.</translation>
    </message>
    <message>
        <source>Not every payout was sent again. %1</source>
        <translation>Nicht jede Auszahlung wurde erneut gesendet. %1</translation>
    </message>
    <message>
        <source>The approval may not have reached the server. Send it again: the payouts are approved only once. (%1)</source>
        <translation>Die Freigabe hat den Server womöglich nicht erreicht. Senden Sie sie erneut: Die Auszahlungen werden nur einmal freigegeben. (%1)</translation>
    </message>
    <message>
        <source>Record &amp;payment…</source>
        <translation>&amp;Zahlung erfassen…</translation>
    </message>
    <message>
        <source>Ca&amp;ncel payout…</source>
        <translation>Auszahlung s&amp;tornieren…</translation>
    </message>
    <message>
        <source>Record the selected payouts as paid outside the payment provider, with the bank transfer&apos;s reference.</source>
        <translation>Die ausgewählten Auszahlungen als außerhalb des Zahlungsdienstes bezahlt erfassen, mit der Referenz der Überweisung.</translation>
    </message>
    <message>
        <source>Cancel the selected payouts: each amount goes back to its campaign&apos;s budget.</source>
        <translation>Die ausgewählten Auszahlungen stornieren: Jeder Betrag geht zurück in das Budget seiner Kampagne.</translation>
    </message>
</context>
<context>
    <name>influence::desktop::PeriodFilter</name>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Letzte 90 Tage</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>Benutzerdefiniert…</translation>
    </message>
    <message>
        <source>From (inclusive)</source>
        <translation>Von (einschließlich)</translation>
    </message>
    <message>
        <source>To (inclusive)</source>
        <translation>Bis (einschließlich)</translation>
    </message>
</context>
<context>
    <name>influence::desktop::PipelineView</name>
    <message>
        <source>Deals</source>
        <translation>Deals</translation>
    </message>
    <message>
        <source>Deal pipeline</source>
        <translation>Deal-Pipeline</translation>
    </message>
    <message>
        <source>&amp;Campaign:</source>
        <translation>&amp;Kampagne:</translation>
    </message>
    <message>
        <source>All campaigns</source>
        <translation>Alle Kampagnen</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Loading deals…</source>
        <translation>Deals werden geladen…</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>No deals yet. Invite creators to a campaign to start one.</source>
        <translation>Noch keine Deals. Laden Sie Creator zu einer Kampagne ein, um einen zu beginnen.</translation>
    </message>
    <message>
        <source>This campaign has no deals yet.</source>
        <translation>Diese Kampagne hat noch keine Deals.</translation>
    </message>
    <message>
        <source>Unnamed creator</source>
        <translation>Creator ohne Namen</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <source>Offers decide this step: open the deal to accept, decline or counter the latest offer.</source>
        <translation>Diesen Schritt entscheiden Angebote: Öffnen Sie den Deal, um das neueste Angebot anzunehmen, abzulehnen oder ein Gegenangebot zu machen.</translation>
    </message>
    <message>
        <source>A deal cannot move from “%1” to “%2”.</source>
        <translation>Ein Deal kann nicht von „%1“ nach „%2“ wechseln.</translation>
    </message>
    <message>
        <source>Only the brand can %1 a deal.</source>
        <translation>Nur die Marke kann einen Deal %1.</translation>
    </message>
    <message>
        <source>Moving the deal to “%1”…</source>
        <translation>Der Deal wird nach „%1“ verschoben…</translation>
    </message>
    <message>
        <source>The move was refused. %1</source>
        <translation>Das Verschieben wurde abgelehnt. %1</translation>
    </message>
    <message>
        <source>The deal is now “%1”.</source>
        <translation>Der Deal ist jetzt „%1“.</translation>
    </message>
    <message>
        <source>Drag to another column to move the deal; double-click or press Enter to open it.</source>
        <translation>Zum Verschieben in eine andere Spalte ziehen; zum Öffnen doppelklicken oder die Eingabetaste drücken.</translation>
    </message>
    <message>
        <source>&amp;State:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>Cr&amp;eator:</source>
        <translation>C&amp;reator:</translation>
    </message>
    <message>
        <source>Part of the name</source>
        <translation>Teil des Namens</translation>
    </message>
    <message>
        <source>&amp;Overdue only</source>
        <translation>Nur &amp;überfällige</translation>
    </message>
    <message>
        <source>Only deals with a deliverable past its due date and not live</source>
        <translation>Nur Deals mit einer Leistung, die überfällig und nicht veröffentlicht ist</translation>
    </message>
    <message>
        <source>Clear f&amp;ilters</source>
        <translation>F&amp;ilter zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;Board</source>
        <translation>&amp;Board</translation>
    </message>
    <message>
        <source>&amp;Table</source>
        <translation>&amp;Tabelle</translation>
    </message>
    <message>
        <source>Creator</source>
        <translation>Creator</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>Marke</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Kampagne</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Honorar</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>Letzte Änderung</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Load &amp;more</source>
        <translation>&amp;Weitere laden</translation>
    </message>
    <message>
        <source>More deals could not be loaded. %1</source>
        <translation>Weitere Deals konnten nicht geladen werden. %1</translation>
    </message>
    <message>
        <source>%1 deals shown, more on the server</source>
        <translation>%1 Deals angezeigt, weitere auf dem Server</translation>
    </message>
    <message>
        <source>No deals match these filters.</source>
        <translation>Keine Deals passen zu diesen Filtern.</translation>
    </message>
    <message>
        <source>Double-click or press Enter to open the deal.</source>
        <translation>Zum Öffnen des Deals doppelklicken oder die Eingabetaste drücken.</translation>
    </message>
    <message>
        <source>deals.csv</source>
        <translation>deals.csv</translation>
    </message>
    <message>
        <source>E&amp;xport as CSV…</source>
        <translation>Als CSV e&amp;xportieren …</translation>
    </message>
    <message>
        <source>The deals were not exported. %1</source>
        <translation>Die Deals wurden nicht exportiert. %1</translation>
    </message>
    <message>
        <source>1 deal exported to %1.</source>
        <translation>1 Deal nach %1 exportiert.</translation>
    </message>
    <message>
        <source>%1 deals exported to %2.</source>
        <translation>%1 Deals nach %2 exportiert.</translation>
    </message>
    <message>
        <source>Fold or unfold this column</source>
        <translation>Diese Spalte ein- oder ausklappen</translation>
    </message>
    <message>
        <source>%1 paid of %2</source>
        <translation>%1 von %2 bezahlt</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Zahlung</translation>
    </message>
    <message>
        <source>Payment: %1 (%2 paid of %3)</source>
        <translation>Zahlung: %1 (%2 von %3 bezahlt)</translation>
    </message>
    <message>
        <source>Due: %1</source>
        <translation>Fällig: %1</translation>
    </message>
</context>
<context>
    <name>influence::desktop::PostHistoryDialog</name>
    <message>
        <source>Post history</source>
        <translation>Verlauf des Beitrags</translation>
    </message>
    <message>
        <source>Day by day (lifetime totals as of each day)</source>
        <translation>Tag für Tag (Gesamtsummen zum jeweiligen Tag)</translation>
    </message>
    <message>
        <source>Loading the post&apos;s history…</source>
        <translation>Der Verlauf des Beitrags wird geladen…</translation>
    </message>
    <message>
        <source>published %1</source>
        <translation>veröffentlicht am %1</translation>
    </message>
    <message>
        <source>No figures for this post yet.</source>
        <translation>Noch keine Zahlen für diesen Beitrag.</translation>
    </message>
</context>
<context>
    <name>influence::desktop::QuickOpen</name>
    <message>
        <source>Campaign</source>
        <translation>Kampagne</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>Deal</translation>
    </message>
    <message>
        <source>Creator</source>
        <translation>Creator</translation>
    </message>
    <message>
        <source>Type part of a creator&apos;s, campaign&apos;s or deal&apos;s name.</source>
        <translation>Geben Sie einen Teil des Namens eines Creators, einer Kampagne oder eines Deals ein.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Suche läuft …</translation>
    </message>
    <message>
        <source>Nothing found for “%1”.</source>
        <translation>Nichts gefunden für „%1“.</translation>
    </message>
    <message>
        <source>Enter opens the selected one.</source>
        <translation>Die Eingabetaste öffnet den ausgewählten Treffer.</translation>
    </message>
    <message>
        <source>Quick open</source>
        <translation>Schnell öffnen</translation>
    </message>
    <message>
        <source>Find a creator, campaign or deal</source>
        <translation>Creator, Kampagne oder Deal finden</translation>
    </message>
</context>
<context>
    <name>influence::desktop::RatesEditor</name>
    <message>
        <source>Deliverable</source>
        <translation>Leistung</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Beitrag</translation>
    </message>
    <message>
        <source>Story</source>
        <translation>Story</translation>
    </message>
    <message>
        <source>Reel</source>
        <translation>Reel</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Short</source>
        <translation>Short</translation>
    </message>
    <message>
        <source>Livestream</source>
        <translation>Livestream</translation>
    </message>
    <message>
        <source>Blog post</source>
        <translation>Blogartikel</translation>
    </message>
</context>
<context>
    <name>influence::desktop::RecommendationsModel</name>
    <message>
        <source>score %1</source>
        <translation>Wert %1</translation>
    </message>
    <message>
        <source>#</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Creator</source>
        <translation>Creator</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Why (eight factors)</source>
        <translation>Warum (acht Faktoren)</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Followers</source>
        <translation>Follower</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Invitation</source>
        <translation>Einladung</translation>
    </message>
</context>
<context>
    <name>influence::desktop::RecommendedTab</name>
    <message>
        <source>Recommended</source>
        <translation>Empfohlen</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation>&amp;Alle auswählen</translation>
    </message>
    <message>
        <source>Open &amp;profile</source>
        <translation>&amp;Profil öffnen</translation>
    </message>
    <message>
        <source>&amp;More</source>
        <translation>&amp;Mehr</translation>
    </message>
    <message>
        <source>Bars, left to right: %1. A bar&apos;s grey track is the most its factor can add; declines take away.</source>
        <translation>Balken von links nach rechts: %1. Die graue Spur eines Balkens ist das Höchste, was sein Faktor beitragen kann; Absagen ziehen ab.</translation>
    </message>
    <message>
        <source>Loading more creators…</source>
        <translation>Weitere Creator werden geladen …</translation>
    </message>
    <message>
        <source>More creators could not be loaded. %1</source>
        <translation>Weitere Creator konnten nicht geladen werden. %1</translation>
    </message>
    <message>
        <source>That is everyone who fits.</source>
        <translation>Das sind alle, die passen.</translation>
    </message>
    <message>
        <source>Creators who fit “%1”, best first (ranked %2). Hover over a row for its reasons; select creators to invite them.</source>
        <translation>Creator, die zu „%1“ passen, die besten zuerst (bewertet %2). Zeigen Sie auf eine Zeile für die Gründe; wählen Sie Creator aus, um sie einzuladen.</translation>
    </message>
    <message>
        <source>Creators who fit “%1”, best first.</source>
        <translation>Creator, die zu „%1“ passen, die besten zuerst.</translation>
    </message>
    <message>
        <source>Waiting for the campaign…</source>
        <translation>Warten auf die Kampagne …</translation>
    </message>
    <message>
        <source>Ranking creators for this campaign…</source>
        <translation>Creator werden für diese Kampagne bewertet …</translation>
    </message>
    <message>
        <source>No creator to recommend yet: everyone who fits is in a deal of this campaign already, or no creator with a verified account matches. Widen the campaign&apos;s targeting, or find creators in discovery.</source>
        <translation>Noch kein Creator zu empfehlen: Alle, die passen, sind schon in einem Deal dieser Kampagne, oder kein Creator mit verifiziertem Konto passt. Erweitern Sie die Zielgruppe der Kampagne oder suchen Sie Creator unter „Entdecken“.</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Invite %n creators…</source>
        <translation>
            <numerusform>%n Creator e&amp;inladen …</numerusform>
            <numerusform>%n Creator e&amp;inladen …</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Invite one creator…</source>
        <translation>Einen Creator e&amp;inladen …</translation>
    </message>
    <message>
        <source>&amp;Invite selected…</source>
        <translation>Ausgewählte e&amp;inladen …</translation>
    </message>
    <message>
        <source>Invite the selected creators with a first offer; each one&apos;s fee starts at their rate.</source>
        <translation>Die ausgewählten Creator mit einem ersten Angebot einladen; das Honorar jedes Creators beginnt bei seinem Preis.</translation>
    </message>
    <message>
        <source>Launch the campaign to invite creators to it.</source>
        <translation>Starten Sie die Kampagne, um Creator dazu einzuladen.</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>Pick a creator to see why they fit.</source>
        <translation>Wählen Sie einen Creator, um zu sehen, warum er passt.</translation>
    </message>
    <message>
        <source>Why %1 (score %2)</source>
        <translation>Warum %1 (Wert %2)</translation>
    </message>
    <message>
        <source>Invitation: %1</source>
        <translation>Einladung: %1</translation>
    </message>
    <message>
        <source>One creator listed.</source>
        <translation>Ein Creator aufgeführt.</translation>
    </message>
    <message numerus="yes">
        <source>%n creators listed.</source>
        <translation>
            <numerusform>%n Creator aufgeführt.</numerusform>
            <numerusform>%n Creator aufgeführt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>influence::desktop::RecordPaymentDialog</name>
    <message>
        <source>Record a payment</source>
        <translation>Zahlung erfassen</translation>
    </message>
    <message>
        <source>Record the payout of %1 as paid outside the payment provider, by bank transfer for example.</source>
        <translation>Die Auszahlung von %1 als außerhalb des Zahlungsdienstes bezahlt erfassen, etwa per Überweisung.</translation>
    </message>
    <message>
        <source>&amp;Paid on</source>
        <translation>&amp;Bezahlt am</translation>
    </message>
    <message>
        <source>The bank transfer&apos;s reference</source>
        <translation>Die Referenz der Überweisung</translation>
    </message>
    <message>
        <source>&amp;Reference</source>
        <translation>&amp;Referenz</translation>
    </message>
    <message>
        <source>&amp;Record payment</source>
        <translation>Zahlung &amp;erfassen</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>Recording the payment…</source>
        <translation>Die Zahlung wird erfasst…</translation>
    </message>
    <message>
        <source>Enter the payment&apos;s reference, so that it can be found in the bank statement.</source>
        <translation>Geben Sie die Referenz der Zahlung ein, damit sie im Kontoauszug zu finden ist.</translation>
    </message>
    <message numerus="yes">
        <source>Record %n payouts, %1 in all, as paid outside the payment provider under one reference: a bank batch, for example.</source>
        <translation>
            <numerusform>%n Auszahlung, insgesamt %1, als außerhalb des Zahlungsdienstes bezahlt erfassen, unter einer Referenz: etwa eine Sammelüberweisung.</numerusform>
            <numerusform>%n Auszahlungen, insgesamt %1, als außerhalb des Zahlungsdienstes bezahlt erfassen, unter einer Referenz: etwa eine Sammelüberweisung.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>influence::desktop::ReviewDialog</name>
    <message>
        <source>Review draft</source>
        <translation>Entwurf prüfen</translation>
    </message>
    <message>
        <source>Feedback so far</source>
        <translation>Bisherige Rückmeldungen</translation>
    </message>
    <message>
        <source>&amp;Feedback for the creator (required unless you approve as is)</source>
        <translation>&amp;Rückmeldung für den Creator (nötig, außer Sie geben unverändert frei)</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Freigeben</translation>
    </message>
    <message>
        <source>Approve &amp;with changes</source>
        <translation>Mit Änderungen frei&amp;geben</translation>
    </message>
    <message>
        <source>Request &amp;changes</source>
        <translation>Änderungen &amp;erbitten</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Submitted %1</source>
        <translation>Eingereicht %1</translation>
    </message>
    <message>
        <source>Media:</source>
        <translation>Medien:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Hinweise:</translation>
    </message>
    <message>
        <source>Deliverable %1: %2</source>
        <translation>Leistung %1: %2</translation>
    </message>
    <message>
        <source>Revision rounds used: %1 of %2</source>
        <translation>Genutzte Überarbeitungsrunden: %1 von %2</translation>
    </message>
    <message>
        <source>No draft yet</source>
        <translation>Noch kein Entwurf</translation>
    </message>
    <message>
        <source>Version %1 (in review)</source>
        <translation>Version %1 (in Prüfung)</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>No previous version</source>
        <translation>Keine frühere Version</translation>
    </message>
    <message>
        <source>Version %1 (previous)</source>
        <translation>Version %1 (vorherige)</translation>
    </message>
    <message>
        <source>No feedback yet.</source>
        <translation>Noch keine Rückmeldung.</translation>
    </message>
    <message>
        <source>Every revision round agreed in the offer is used.</source>
        <translation>Alle im Angebot vereinbarten Überarbeitungsrunden sind genutzt.</translation>
    </message>
    <message>
        <source>Please say what should change.</source>
        <translation>Bitte sagen Sie, was sich ändern soll.</translation>
    </message>
    <message>
        <source>The feedback is too long (at most 5000 characters).</source>
        <translation>Die Rückmeldung ist zu lang (höchstens 5000 Zeichen).</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet …</translation>
    </message>
</context>
<context>
    <name>influence::desktop::RuleDetailPanel</name>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen …</translation>
    </message>
    <message>
        <source>Firing history</source>
        <translation>Verlauf der Auslösungen</translation>
    </message>
    <message>
        <source>&amp;Older firings</source>
        <translation>Ä&amp;ltere Auslösungen</translation>
    </message>
    <message>
        <source>Disa&amp;ble</source>
        <translation>Pa&amp;usieren</translation>
    </message>
    <message>
        <source>Ena&amp;ble</source>
        <translation>Akti&amp;vieren</translation>
    </message>
    <message>
        <source>No automation chosen</source>
        <translation>Keine Automatisierung gewählt</translation>
    </message>
    <message>
        <source>%1 (disabled)</source>
        <translation>%1 (pausiert)</translation>
    </message>
    <message>
        <source>• only if %1</source>
        <translation>• nur wenn %1</translation>
    </message>
    <message>
        <source>→ %1</source>
        <translation>→ %1</translation>
    </message>
    <message>
        <source>→ %1: “%2”</source>
        <translation>→ %1: „%2“</translation>
    </message>
    <message>
        <source>Fired once, last %1.</source>
        <translation>Einmal ausgelöst, zuletzt %1.</translation>
    </message>
    <message numerus="yes">
        <source>Fired %n times, last %1.</source>
        <translation>
            <numerusform>%n Mal ausgelöst, zuletzt %1.</numerusform>
            <numerusform>%n Mal ausgelöst, zuletzt %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Has not fired yet.</source>
        <translation>Noch nie ausgelöst.</translation>
    </message>
    <message>
        <source>Choose an automation to see its history.</source>
        <translation>Wählen Sie eine Automatisierung, um ihren Verlauf zu sehen.</translation>
    </message>
    <message>
        <source>Loading the firing history…</source>
        <translation>Verlauf der Auslösungen wird geladen …</translation>
    </message>
    <message>
        <source>This automation has not fired yet. Preview shows what it would have done.</source>
        <translation>Diese Automatisierung wurde noch nie ausgelöst. Die Vorschau zeigt, was sie getan hätte.</translation>
    </message>
</context>
<context>
    <name>influence::desktop::RuleEditorDialog</name>
    <message>
        <source>New automation</source>
        <translation>Neue Automatisierung</translation>
    </message>
    <message>
        <source>Edit automation</source>
        <translation>Automatisierung bearbeiten</translation>
    </message>
    <message>
        <source>When the event happens (and after the delay), if every condition holds, the actions run.</source>
        <translation>Wenn das Ereignis eintritt (und nach der Wartezeit) und alle Bedingungen erfüllt sind, laufen die Aktionen.</translation>
    </message>
    <message>
        <source>From the template “%1”: %2</source>
        <translation>Aus der Vorlage „%1“: %2</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation>&amp;Wann:</translation>
    </message>
    <message>
        <source> % of the budget</source>
        <translation> % des Budgets</translation>
    </message>
    <message>
        <source> views</source>
        <translation> Aufrufe</translation>
    </message>
    <message>
        <source>&amp;Wait:</source>
        <translation>W&amp;arten:</translation>
    </message>
    <message>
        <source>no delay</source>
        <translation>keine Wartezeit</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <source>Only if:</source>
        <translation>Nur wenn:</translation>
    </message>
    <message>
        <source>Add &amp;condition</source>
        <translation>&amp;Bedingung hinzufügen</translation>
    </message>
    <message>
        <source>Then:</source>
        <translation>Dann:</translation>
    </message>
    <message>
        <source>Add &amp;action</source>
        <translation>A&amp;ktion hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Preview (dry run)</source>
        <translation>&amp;Vorschau (Probelauf)</translation>
    </message>
    <message>
        <source>What this rule would have done over the last 30 days; nothing is changed.</source>
        <translation>Was diese Regel in den letzten 30 Tagen getan hätte; nichts wird geändert.</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Preview shows what this rule would have done over the last 30 days, before you save it.</source>
        <translation>Die Vorschau zeigt, was diese Regel in den letzten 30 Tagen getan hätte, bevor Sie sie speichern.</translation>
    </message>
    <message>
        <source>Looking through the last 30 days…</source>
        <translation>Die letzten 30 Tage werden durchgesehen …</translation>
    </message>
    <message>
        <source>Nothing in the last 30 days would have started this rule.</source>
        <translation>Nichts in den letzten 30 Tagen hätte diese Regel ausgelöst.</translation>
    </message>
    <message>
        <source>The rule was not saved: %1</source>
        <translation>Die Regel wurde nicht gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>influence::desktop::SettingsView</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>Spr&amp;ache:</translation>
    </message>
    <message>
        <source>The new language applies at once and is remembered.</source>
        <translation>Die neue Sprache gilt sofort und wird gespeichert.</translation>
    </message>
    <message>
        <source>S&amp;erver:</source>
        <translation>S&amp;erver:</translation>
    </message>
    <message>
        <source>e.g. https://influence.example.com</source>
        <translation>z. B. https://influence.example.com</translation>
    </message>
    <message>
        <source>&amp;Use this server</source>
        <translation>Diesen Server &amp;verwenden</translation>
    </message>
    <message>
        <source>Please enter an http or https address.</source>
        <translation>Bitte geben Sie eine http- oder https-Adresse ein.</translation>
    </message>
    <message>
        <source>Session:</source>
        <translation>Sitzung:</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Abmelden</translation>
    </message>
</context>
<context>
    <name>influence::desktop::ShortlistInviteDialog</name>
    <message>
        <source>Invite the list to a campaign</source>
        <translation>Die Liste zu einer Kampagne einladen</translation>
    </message>
    <message>
        <source>Every creator on “%1” is invited with this offer. Those who already have a deal in the campaign are skipped.</source>
        <translation>Alle Creator auf „%1“ werden mit diesem Angebot eingeladen. Wer schon einen Deal in der Kampagne hat, wird übersprungen.</translation>
    </message>
    <message>
        <source>&amp;Campaign:</source>
        <translation>&amp;Kampagne:</translation>
    </message>
    <message>
        <source>&amp;Message (optional):</source>
        <translation>&amp;Nachricht (optional):</translation>
    </message>
    <message>
        <source>Creator</source>
        <translation>Creator</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>&amp;Invite the list</source>
        <translation>Liste &amp;einladen</translation>
    </message>
    <message>
        <source>The brand has no active campaign to invite to.</source>
        <translation>Die Marke hat keine aktive Kampagne, zu der eingeladen werden kann.</translation>
    </message>
    <message>
        <source>Loading the active campaigns…</source>
        <translation>Die aktiven Kampagnen werden geladen…</translation>
    </message>
    <message>
        <source>Inviting…</source>
        <translation>Wird eingeladen…</translation>
    </message>
    <message>
        <source>✓ Invited</source>
        <translation>✓ Eingeladen</translation>
    </message>
    <message>
        <source>Skipped: already has a deal in this campaign</source>
        <translation>Übersprungen: hat schon einen Deal in dieser Kampagne</translation>
    </message>
    <message>
        <source>Skipped: %1</source>
        <translation>Übersprungen: %1</translation>
    </message>
    <message>
        <source>Invited: %1. Skipped: %2.</source>
        <translation>Eingeladen: %1. Übersprungen: %2.</translation>
    </message>
</context>
<context>
    <name>influence::desktop::ShortlistsPage</name>
    <message>
        <source>Lists</source>
        <translation>Listen</translation>
    </message>
    <message>
        <source>&amp;New list…</source>
        <translation>&amp;Neue Liste…</translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation>&amp;Umbenennen…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>&amp;Remove from list</source>
        <translation>Aus der Liste &amp;entfernen</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>Als CSV e&amp;xportieren…</translation>
    </message>
    <message>
        <source>&amp;Invite list to campaign…</source>
        <translation>Liste zu Kampagne &amp;einladen…</translation>
    </message>
    <message>
        <source>Creator</source>
        <translation>Creator</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Niches</source>
        <translation>Nischen</translation>
    </message>
    <message>
        <source>Followers</source>
        <translation>Follower</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Loading the brand&apos;s lists…</source>
        <translation>Die Listen der Marke werden geladen…</translation>
    </message>
    <message>
        <source>No lists yet. Make one here, or add creators to a new list from discovery or a creator&apos;s profile.</source>
        <translation>Noch keine Listen. Legen Sie hier eine an oder fügen Sie Creator aus der Suche oder einem Creator-Profil zu einer neuen Liste hinzu.</translation>
    </message>
    <message>
        <source>Choose a list.</source>
        <translation>Wählen Sie eine Liste.</translation>
    </message>
    <message>
        <source>Loading the list&apos;s creators…</source>
        <translation>Die Creator der Liste werden geladen…</translation>
    </message>
    <message>
        <source>No creators on this list yet. Add them from discovery or a creator&apos;s profile (Add to list…).</source>
        <translation>Noch keine Creator auf dieser Liste. Fügen Sie sie aus der Suche oder einem Creator-Profil hinzu (Zur Liste hinzufügen…).</translation>
    </message>
    <message>
        <source>Double-click to edit the note; it is saved at once.</source>
        <translation>Zum Bearbeiten der Notiz doppelklicken; sie wird sofort gespeichert.</translation>
    </message>
    <message>
        <source>The note was not saved: %1</source>
        <translation>Die Notiz wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Note saved.</source>
        <translation>Notiz gespeichert.</translation>
    </message>
    <message>
        <source>New list</source>
        <translation>Neue Liste</translation>
    </message>
    <message>
        <source>Name of the new list:</source>
        <translation>Name der neuen Liste:</translation>
    </message>
    <message>
        <source>The list was not created: %1</source>
        <translation>Die Liste wurde nicht angelegt: %1</translation>
    </message>
    <message>
        <source>List “%1” created.</source>
        <translation>Liste „%1“ angelegt.</translation>
    </message>
    <message>
        <source>Rename list</source>
        <translation>Liste umbenennen</translation>
    </message>
    <message>
        <source>New name of the list:</source>
        <translation>Neuer Name der Liste:</translation>
    </message>
    <message>
        <source>The list was not renamed: %1</source>
        <translation>Die Liste wurde nicht umbenannt: %1</translation>
    </message>
    <message>
        <source>Delete list</source>
        <translation>Liste löschen</translation>
    </message>
    <message>
        <source>Delete the list “%1” and its notes? The creators and their deals stay.</source>
        <translation>Die Liste „%1“ und ihre Notizen löschen? Die Creator und ihre Deals bleiben erhalten.</translation>
    </message>
    <message>
        <source>The list was not deleted: %1</source>
        <translation>Die Liste wurde nicht gelöscht: %1</translation>
    </message>
    <message>
        <source>The creator was not removed: %1</source>
        <translation>Der Creator wurde nicht entfernt: %1</translation>
    </message>
    <message>
        <source>Engagement rate</source>
        <translation>Interaktionsrate</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 gespeichert.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>influence::desktop::SignInDialog</name>
    <message>
        <source>Sign in to Influence</source>
        <translation>Bei Influence anmelden</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>e.g. https://influence.example.com</source>
        <translation>z. B. https://influence.example.com</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-Mail:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>You stay signed in: the session is kept in the system keychain.</source>
        <translation>Sie bleiben angemeldet: Die Sitzung wird im Schlüsselbund des Systems gespeichert.</translation>
    </message>
    <message>
        <source>No system keychain is available, so the session is not stored: you will sign in again after restarting the app.</source>
        <translation>Es ist kein Schlüsselbund des Systems verfügbar, daher wird die Sitzung nicht gespeichert: Nach einem Neustart der App melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Please enter a valid server address.</source>
        <translation>Bitte geben Sie eine gültige Serveradresse ein.</translation>
    </message>
    <message>
        <source>“%1” is not a server address such as http://localhost:8080.</source>
        <translation>„%1“ ist keine Serveradresse wie http://localhost:8080.</translation>
    </message>
    <message>
        <source>Please enter your e-mail address and password.</source>
        <translation>Bitte geben Sie Ihre E-Mail-Adresse und Ihr Passwort ein.</translation>
    </message>
    <message>
        <source>Or sign in with:</source>
        <translation>Oder anmelden mit:</translation>
    </message>
    <message>
        <source>Waiting for the browser… Finish signing in there, or cancel.</source>
        <translation>Warten auf den Browser … Schließen Sie die Anmeldung dort ab oder brechen Sie ab.</translation>
    </message>
    <message>
        <source>Sign in with %1</source>
        <translation>Mit %1 anmelden</translation>
    </message>
    <message>
        <source>Influence</source>
        <translation>Influence</translation>
    </message>
    <message>
        <source>You can close this window and go back to the app.</source>
        <translation>Sie können dieses Fenster schließen und zur App zurückkehren.</translation>
    </message>
    <message>
        <source>The app could not wait for the browser (no local port is free).</source>
        <translation>Die App kann nicht auf den Browser warten (kein lokaler Port ist frei).</translation>
    </message>
    <message>
        <source>No web browser could be opened.</source>
        <translation>Es konnte kein Webbrowser geöffnet werden.</translation>
    </message>
    <message>
        <source>The sign-in with the provider did not succeed.</source>
        <translation>Die Anmeldung beim Anbieter ist nicht gelungen.</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Details: %1</translation>
    </message>
    <message>
        <source>The browser came back from a sign-in this app did not start. Please try again.</source>
        <translation>Der Browser kam von einer Anmeldung zurück, die diese App nicht begonnen hat. Bitte versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The browser came back without a sign-in code. Please try again.</source>
        <translation>Der Browser kam ohne Anmeldecode zurück. Bitte versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The sign-in in the browser took too long. Please try again.</source>
        <translation>Die Anmeldung im Browser hat zu lange gedauert. Bitte versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>influence::desktop::SimilarCreatorsList</name>
    <message>
        <source>Creator</source>
        <translation>Creator</translation>
    </message>
    <message>
        <source>Similarity</source>
        <translation>Ähnlichkeit</translation>
    </message>
    <message>
        <source>Shared traits</source>
        <translation>Gemeinsame Merkmale</translation>
    </message>
    <message>
        <source>Followers</source>
        <translation>Follower</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>No creator chosen.</source>
        <translation>Kein Creator gewählt.</translation>
    </message>
    <message>
        <source>Finding similar creators…</source>
        <translation>Ähnliche Creator werden gesucht …</translation>
    </message>
    <message>
        <source>No similar creator found yet.</source>
        <translation>Noch kein ähnlicher Creator gefunden.</translation>
    </message>
</context>
<context>
    <name>influence::desktop::StateStack</name>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
</context>
<context>
    <name>influence::desktop::TemplateGallery</name>
    <message>
        <source>New automation from a template</source>
        <translation>Neue Automatisierung aus einer Vorlage</translation>
    </message>
    <message>
        <source>&amp;Use template</source>
        <translation>Vorlage &amp;verwenden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Loading the templates…</source>
        <translation>Vorlagen werden geladen …</translation>
    </message>
    <message>
        <source>The server offers no templates.</source>
        <translation>Der Server bietet keine Vorlagen an.</translation>
    </message>
</context>
<context>
    <name>influence::desktop::TrayNotifier</name>
    <message>
        <source>1 unread notification</source>
        <translation>1 ungelesene Benachrichtigung</translation>
    </message>
    <message>
        <source>%1 unread notifications</source>
        <translation>%1 ungelesene Benachrichtigungen</translation>
    </message>
    <message>
        <source>1 new notification</source>
        <translation>1 neue Benachrichtigung</translation>
    </message>
    <message>
        <source>%1 new notifications</source>
        <translation>%1 neue Benachrichtigungen</translation>
    </message>
    <message>
        <source>%1. Click to open the list.</source>
        <translation>%1. Zum Öffnen der Liste klicken.</translation>
    </message>
</context>
<context>
    <name>influence::desktop::WebhookDialog</name>
    <message>
        <source>Edit webhook endpoint</source>
        <translation>Webhook-Endpunkt bearbeiten</translation>
    </message>
    <message>
        <source>Add webhook endpoint</source>
        <translation>Webhook-Endpunkt hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Address (https):</source>
        <translation>&amp;Adresse (https):</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>A&amp;ll events, including those added later</source>
        <translation>A&amp;lle Ereignisse, auch später hinzukommende</translation>
    </message>
    <message>
        <source>Events:</source>
        <translation>Ereignisse:</translation>
    </message>
    <message>
        <source>&amp;Enabled: deliver events to this address</source>
        <translation>&amp;Aktiv: Ereignisse an diese Adresse zustellen</translation>
    </message>
    <message>
        <source>Enter a complete https address, such as https://example.com/webhooks.</source>
        <translation>Geben Sie eine vollständige https-Adresse ein, etwa https://example.com/webhooks.</translation>
    </message>
    <message>
        <source>Choose at least one event, or all events.</source>
        <translation>Wählen Sie mindestens ein Ereignis oder alle Ereignisse.</translation>
    </message>
    <message>
        <source>Deliveries are signed; only public https addresses are accepted.</source>
        <translation>Zustellungen werden signiert; nur öffentliche https-Adressen werden angenommen.</translation>
    </message>
</context>
<context>
    <name>influence::desktop::WebhookSecretDialog</name>
    <message>
        <source>New signing secret</source>
        <translation>Neues Signaturgeheimnis</translation>
    </message>
    <message>
        <source>Signing secret</source>
        <translation>Signaturgeheimnis</translation>
    </message>
    <message>
        <source>The endpoint %1 has a new signing secret. The previous secret keeps working for 24 hours, so you can update your receiver in that time.</source>
        <translation>Der Endpunkt %1 hat ein neues Signaturgeheimnis. Das bisherige Geheimnis gilt noch 24 Stunden, damit Sie Ihren Empfänger in dieser Zeit umstellen können.</translation>
    </message>
    <message>
        <source>Deliveries to %1 are signed with this secret. Your receiver checks each delivery&apos;s signature with it (Standard Webhooks).</source>
        <translation>Zustellungen an %1 werden mit diesem Geheimnis signiert. Ihr Empfänger prüft damit die Signatur jeder Zustellung (Standard Webhooks).</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy it now: you will not see this secret again. If it is lost, rotate the secret to get a new one.</source>
        <translation>Kopieren Sie es jetzt: Sie werden dieses Geheimnis nicht noch einmal sehen. Geht es verloren, erneuern Sie das Geheimnis, um ein neues zu erhalten.</translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>In die Zwischenablage kopiert.</translation>
    </message>
</context>
<context>
    <name>influence::desktop::WebhooksPage</name>
    <message>
        <source>Webhooks</source>
        <translation>Webhooks</translation>
    </message>
    <message>
        <source>Your systems hear about deal events (offers, drafts, posts, payouts) as signed HTTPS requests to these addresses. Failed deliveries are retried for about three days.</source>
        <translation>Ihre Systeme erfahren von Deal-Ereignissen (Angebote, Entwürfe, Beiträge, Auszahlungen) durch signierte HTTPS-Anfragen an diese Adressen. Fehlgeschlagene Zustellungen werden etwa drei Tage lang wiederholt.</translation>
    </message>
    <message>
        <source>&amp;Add endpoint…</source>
        <translation>Endpunkt &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Rotate secret…</source>
        <translation>Geheimnis &amp;erneuern…</translation>
    </message>
    <message>
        <source>Send &amp;test event</source>
        <translation>&amp;Testereignis senden</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Re&amp;play</source>
        <translation>Erneut &amp;zustellen</translation>
    </message>
    <message>
        <source>Re&amp;fresh log</source>
        <translation>Protokoll &amp;aktualisieren</translation>
    </message>
    <message>
        <source>← &amp;Newer</source>
        <translation>← &amp;Neuere</translation>
    </message>
    <message>
        <source>&amp;Older →</source>
        <translation>Ä&amp;ltere →</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeitpunkt</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Last answer</source>
        <translation>Letzte Antwort</translation>
    </message>
    <message>
        <source>Next attempt</source>
        <translation>Nächster Versuch</translation>
    </message>
    <message>
        <source>Loading the webhook endpoints…</source>
        <translation>Die Webhook-Endpunkte werden geladen…</translation>
    </message>
    <message>
        <source>No webhook endpoints yet. Add one to have deal events sent to your systems.</source>
        <translation>Noch keine Webhook-Endpunkte. Fügen Sie einen hinzu, damit Deal-Ereignisse an Ihre Systeme gesendet werden.</translation>
    </message>
    <message>
        <source>Delivery log of %1</source>
        <translation>Zustellprotokoll von %1</translation>
    </message>
    <message>
        <source>Delivery log</source>
        <translation>Zustellprotokoll</translation>
    </message>
    <message>
        <source>Choose an endpoint to see its deliveries.</source>
        <translation>Wählen Sie einen Endpunkt, um seine Zustellungen zu sehen.</translation>
    </message>
    <message>
        <source>Loading the deliveries…</source>
        <translation>Die Zustellungen werden geladen…</translation>
    </message>
    <message>
        <source>Nothing delivered to this endpoint yet. Send a test event to try it.</source>
        <translation>An diesen Endpunkt wurde noch nichts zugestellt. Senden Sie ein Testereignis, um ihn auszuprobieren.</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>Seite %1</translation>
    </message>
    <message>
        <source>Endpoint %1 added.</source>
        <translation>Endpunkt %1 hinzugefügt.</translation>
    </message>
    <message>
        <source>Endpoint %1 saved.</source>
        <translation>Endpunkt %1 gespeichert.</translation>
    </message>
    <message>
        <source>Rotate secret</source>
        <translation>Geheimnis erneuern</translation>
    </message>
    <message>
        <source>Make a new signing secret for %1? The new secret is shown once. The current secret stays valid for 24 hours, so your receiver can switch over in that time.</source>
        <translation>Ein neues Signaturgeheimnis für %1 erzeugen? Das neue Geheimnis wird einmal angezeigt. Das bisherige bleibt 24 Stunden gültig, damit Ihr Empfänger in dieser Zeit umstellen kann.</translation>
    </message>
    <message>
        <source>The secret was not rotated: %1</source>
        <translation>Das Geheimnis wurde nicht erneuert: %1</translation>
    </message>
    <message>
        <source>The secret of %1 was rotated; the previous one stays valid for 24 hours.</source>
        <translation>Das Geheimnis von %1 wurde erneuert; das bisherige bleibt 24 Stunden gültig.</translation>
    </message>
    <message>
        <source>The test event was not sent: %1</source>
        <translation>Das Testereignis wurde nicht gesendet: %1</translation>
    </message>
    <message>
        <source>Test event queued; its delivery shows in the log.</source>
        <translation>Testereignis eingereiht; seine Zustellung erscheint im Protokoll.</translation>
    </message>
    <message>
        <source>Delete endpoint</source>
        <translation>Endpunkt löschen</translation>
    </message>
    <message>
        <source>Delete the endpoint %1 and its delivery log? Events are no longer sent there.</source>
        <translation>Den Endpunkt %1 und sein Zustellprotokoll löschen? Ereignisse werden dann nicht mehr dorthin gesendet.</translation>
    </message>
    <message>
        <source>The endpoint was not deleted: %1</source>
        <translation>Der Endpunkt wurde nicht gelöscht: %1</translation>
    </message>
    <message>
        <source>Endpoint %1 deleted.</source>
        <translation>Endpunkt %1 gelöscht.</translation>
    </message>
    <message>
        <source>The delivery was not sent again: %1</source>
        <translation>Die Zustellung wurde nicht erneut gesendet: %1</translation>
    </message>
    <message>
        <source>Delivery queued again with the same webhook-id.</source>
        <translation>Zustellung mit derselben webhook-id erneut eingereiht.</translation>
    </message>
</context>
</TS>
