<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
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
        <source>e.g. fitness, travel</source>
        <translation>z. B. fitness, travel</translation>
    </message>
    <message>
        <source>e.g. DE, AT</source>
        <translation>z. B. DE, AT</translation>
    </message>
    <message>
        <source>e.g. de, en</source>
        <translation>z. B. de, en</translation>
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
        <source>&amp;Retry</source>
        <translation>&amp;Erneut versuchen</translation>
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
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 wird hergestellt …</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt …</translation>
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
        <source>Server</source>
        <translation>Server</translation>
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
</context>
</TS>
