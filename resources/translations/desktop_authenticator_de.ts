<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>A11y</name>
    <message>
        <location filename="../../desktop_app/ui/a11y.py" line="+74"/>
        <source>Close this window.</source>
        <translation>Dieses Fenster schließen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close this window without changing anything.</source>
        <translation>Dieses Fenster schließen, ohne etwas zu ändern.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Confirm and close this window.</source>
        <translation>Bestätigen und dieses Fenster schließen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the changes and close this window.</source>
        <translation>Die Änderungen speichern und dieses Fenster schließen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close this window and drop the changes.</source>
        <translation>Dieses Fenster schließen und die Änderungen verwerfen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply the changes.</source>
        <translation>Die Änderungen übernehmen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show help for this window.</source>
        <translation>Hilfe zu diesem Fenster zeigen.</translation>
    </message>
</context>
<context>
    <name>AccountDelegate</name>
    <message>
        <location filename="../../desktop_app/ui/account_delegate.py" line="+357"/>
        <source>next  {code}</source>
        <translation>nächster  {code}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Unnamed account</source>
        <translation>Unbenanntes Konto</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/accounts_model.py" line="+89"/>
        <source>activation pending</source>
        <translation>Aktivierung ausstehend</translation>
    </message>
</context>
<context>
    <name>AccountFields</name>
    <message>
        <location filename="../../desktop_app/ui/account_fields.py" line="+19"/>
        <source>Issuer</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The service the account belongs to, for example GitHub.</source>
        <translation>Der Dienst, zu dem das Konto gehört, zum Beispiel GitHub.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Account name</source>
        <translation>Kontoname</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your user name or e-mail address at the service.</source>
        <translation>Ihr Benutzername oder Ihre E-Mail-Adresse bei dem Dienst.</translation>
    </message>
</context>
<context>
    <name>AccountsModel</name>
    <message>
        <location filename="../../desktop_app/ui/accounts_model.py" line="+4"/>
        <source>no longer active on emnify</source>
        <translation>auf emnify nicht mehr aktiv</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not active on emnify since {date}</source>
        <translation>seit {date} bei emnify nicht aktiv</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>added {date}</source>
        <translation>hinzugefügt am {date}</translation>
    </message>
    <message>
        <location line="+196"/>
        <source>Click or press Enter to copy the code.</source>
        <translation>Klicken oder Eingabetaste drücken, um den Code zu kopieren.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Unnamed account</source>
        <translation>Unbenanntes Konto</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{who}. Not active on emnify since {date}: its codes do not work.</source>
        <translation>{who}. Seit {date} bei emnify nicht aktiv: Die Codes funktionieren nicht.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{who}. No longer active on emnify: its codes do not work.</source>
        <translation>{who}. Auf emnify nicht mehr aktiv: seine Codes funktionieren nicht.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{who}. Code {code}. Counter based.</source>
        <translation>{who}. Code {code}. Zählerbasiert.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{who}. Code {code}. {n} seconds left.</source>
        <translation>{who}. Code {code}. Noch {n} Sekunden.</translation>
    </message>
</context>
<context>
    <name>AccountsView</name>
    <message>
        <location filename="../../desktop_app/ui/accounts_view.py" line="+61"/>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your accounts and their current codes. Press Enter to copy the selected code.</source>
        <translation>Ihre Konten und ihre aktuellen Codes. Mit der Eingabetaste kopieren Sie den gewählten Code.</translation>
    </message>
</context>
<context>
    <name>AddDialog</name>
    <message>
        <location filename="../../desktop_app/ui/add_dialog.py" line="+44"/>
        <location line="+137"/>
        <source>Issuer</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <location line="-136"/>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+137"/>
        <source>Secret key</source>
        <translation>Geheimer Schlüssel</translation>
    </message>
    <message>
        <location line="-136"/>
        <location line="+189"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="-188"/>
        <location line="+189"/>
        <source>Algorithm</source>
        <translation>Algorithmus</translation>
    </message>
    <message>
        <location line="-188"/>
        <location line="+189"/>
        <source>Digits</source>
        <translation>Stellen</translation>
    </message>
    <message>
        <location line="-188"/>
        <source>Period</source>
        <translation>Intervall</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+189"/>
        <source>Counter</source>
        <translation>Zähler</translation>
    </message>
    <message>
        <location line="-188"/>
        <location line="+1"/>
        <location line="+216"/>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <location line="-213"/>
        <source>Time-based (TOTP)</source>
        <translation>Zeitbasiert (TOTP)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counter-based (HOTP)</source>
        <translation>Zählerbasiert (HOTP)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Steam Guard</source>
        <translation>Steam Guard</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{field}: {error}</source>
        <translation>{field}: {error}</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Add Account</source>
        <translation>Konto hinzufügen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Enter Setup Key</source>
        <translation>Einrichtungsschlüssel eingeben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paste Link</source>
        <translation>Link einfügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How to add the account</source>
        <translation>Wie das Konto hinzugefügt wird</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type the setup key that the website shows.</source>
        <translation>Den Einrichtungsschlüssel eingeben, den die Website zeigt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paste an otpauth:// or Google Authenticator export link.</source>
        <translation>Einen otpauth://- oder Google-Authenticator-Exportlink einfügen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add account</source>
        <translation>Konto hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the account described here.</source>
        <translation>Das hier beschriebene Konto speichern.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Type the setup key the website shows next to its QR code (often called “secret key” or “can&apos;t scan?”).</source>
        <translation>Geben Sie den Einrichtungsschlüssel ein, den die Website neben ihrem QR-Code zeigt (oft „geheimer Schlüssel“ oder „Scannen nicht möglich?“ genannt).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>e.g. GitHub</source>
        <translation>z. B. GitHub</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. you@example.com</source>
        <translation>z. B. name@example.com</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. JBSW Y3DP EHPK 3PXP</source>
        <translation>z. B. JBSW Y3DP EHPK 3PXP</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+106"/>
        <location line="+23"/>
        <location line="+6"/>
        <source>Show</source>
        <translation>Zeigen</translation>
    </message>
    <message>
        <location line="-133"/>
        <source>Show or hide the key (Alt+H)</source>
        <translation>Schlüssel zeigen oder verbergen (Alt+H)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the secret key</source>
        <translation>Geheimen Schlüssel zeigen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Account name</source>
        <translation>Kontoname</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Issuer:</source>
        <translation>&amp;Anbieter:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Account:</source>
        <translation>&amp;Konto:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Secret key:</source>
        <translation>&amp;Geheimer Schlüssel:</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+5"/>
        <source>Advanced options</source>
        <translation>Erweiterte Optionen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the type, algorithm, digits, period and counter of the account.</source>
        <translation>Typ, Algorithmus, Stellen, Intervall und Zähler des Kontos zeigen.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Period in seconds</source>
        <translation>Intervall in Sekunden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Type:</source>
        <translation>&amp;Typ:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A&amp;lgorithm:</source>
        <translation>A&amp;lgorithmus:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Digits:</source>
        <translation>&amp;Stellen:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Period:</source>
        <translation>&amp;Intervall:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Counter:</source>
        <translation>&amp;Zähler:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Paste an &lt;b&gt;otpauth://&lt;/b&gt; link, or a Google Authenticator export link (&lt;b&gt;otpauth-migration://&lt;/b&gt;).</source>
        <translation>Fügen Sie einen &lt;b&gt;otpauth://&lt;/b&gt;-Link oder einen Google-Authenticator-Exportlink (&lt;b&gt;otpauth-migration://&lt;/b&gt;) ein.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>otpauth://totp/Example:you@example.com?secret=…</source>
        <translation>otpauth://totp/Beispiel:name@example.com?secret=…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The otpauth:// link; hidden like a password because it holds the secret.</source>
        <translation>Der otpauth://-Link; wie ein Passwort verborgen, weil er das Geheimnis enthält.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Show or hide the link (Alt+H)</source>
        <translation>Link zeigen oder verbergen (Alt+H)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the link</source>
        <translation>Link zeigen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Paste from Clipboard</source>
        <translation>Aus der Zwischenablage einfügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paste the link from the clipboard</source>
        <translation>Link aus der Zwischenablage einfügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put the link on the clipboard into the field.</source>
        <translation>Den Link aus der Zwischenablage in das Feld übernehmen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+6"/>
        <source>Hide</source>
        <translation>Verbergen</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Paste a link first.</source>
        <translation>Fügen Sie zuerst einen Link ein.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The link holds no account.</source>
        <translation>Der Link enthält kein Konto.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Enter the service name (issuer) or the account name.</source>
        <translation>Geben Sie den Namen des Dienstes (Anbieter) oder den Kontonamen ein.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Account {label}</source>
        <translation>Konto {label}</translation>
    </message>
</context>
<context>
    <name>AddingController</name>
    <message>
        <location filename="../../desktop_app/ui/controllers/adding.py" line="+97"/>
        <source>The account could not be saved</source>
        <translation>Das Konto konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Account added</source>
        <translation>Konto hinzugefügt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Added {n} accounts</source>
        <translation>{n} Konten hinzugefügt</translation>
    </message>
    <message>
        <location line="+35"/>
        <location line="+114"/>
        <source>No QR code found</source>
        <translation>Kein QR-Code gefunden</translation>
    </message>
    <message>
        <location line="-114"/>
        <location line="+116"/>
        <source>No QR code was found.</source>
        <translation>Es wurde kein QR-Code gefunden.</translation>
    </message>
    <message>
        <location line="-98"/>
        <source> — scan code {missing} too, or add these now</source>
        <translation> – scannen Sie auch Code {missing} oder fügen Sie diese jetzt hinzu</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Google Authenticator export: {progress}</source>
        <translation>Google-Authenticator-Export: {progress}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nothing to add</source>
        <translation>Nichts hinzuzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No authenticator key found.</source>
        <translation>Kein Authenticator-Schlüssel gefunden.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Open QR Code Images</source>
        <translation>QR-Code-Bilder öffnen</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Install the icon pack?</source>
        <translation>Symbolpaket installieren?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} is an icon pack, not a backup. Install it? New accounts then get the icon of their issuer, and the edit dialog offers its icons.</source>
        <translation>{name} ist ein Symbolpaket, keine Sicherung. Installieren? Neue Konten erhalten dann das Symbol ihres Anbieters, und der Bearbeiten-Dialog bietet seine Symbole an.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Install Icon Pack</source>
        <translation>Symbolpaket installieren</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Installed the icon pack {name} ({n} icons).</source>
        <translation>Das Symbolpaket {name} wurde installiert ({n} Symbole).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The icon pack could not be installed</source>
        <translation>Das Symbolpaket konnte nicht installiert werden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The icon pack could not be read ({kind}).</source>
        <translation>Das Symbolpaket konnte nicht gelesen werden ({kind}).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{n} images</source>
        <translation>{n} Bilder</translation>
    </message>
    <message>
        <location line="-19"/>
        <location line="+21"/>
        <source>Reading {what}…</source>
        <translation>{what} wird gelesen …</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+11"/>
        <source>No QR code was found in {name}.</source>
        <translation>In {name} wurde kein QR-Code gefunden.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Scanning is not available</source>
        <translation>Scannen ist nicht verfügbar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The QR scanner is not installed.</source>
        <translation>Der QR-Scanner ist nicht installiert.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The image could not be read</source>
        <translation>Das Bild konnte nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Nothing to paste</source>
        <translation>Nichts einzufügen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The clipboard holds no image or link.</source>
        <translation>Die Zwischenablage enthält kein Bild und keinen Link.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No QR code was found in the pasted image.</source>
        <translation>Im eingefügten Bild wurde kein QR-Code gefunden.</translation>
    </message>
    <message>
        <source>Not available</source>
        <translation type="vanished">Nicht verfügbar</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Screen scanning is not available in this build.</source>
        <translation>Das Scannen des Bildschirms ist in dieser Version nicht verfügbar.</translation>
    </message>
    <message>
        <source>The screen could not be scanned</source>
        <translation type="vanished">Der Bildschirm konnte nicht gescannt werden</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No QR code was found on the screen.</source>
        <translation>Auf dem Bildschirm wurde kein QR-Code gefunden.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Camera scanning is not available in this build.</source>
        <translation>Das Scannen mit der Kamera ist in dieser Version nicht verfügbar.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Importing backups is not available in this build.</source>
        <translation>Das Importieren von Sicherungen ist in dieser Version nicht verfügbar.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Imported 1 account</source>
        <translation>1 Konto importiert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Imported {n} accounts</source>
        <translation>{n} Konten importiert</translation>
    </message>
</context>
<context>
    <name>AdminDialog</name>
    <message>
        <location filename="../../desktop_app/ui/emnify/admin_dialog.py" line="+45"/>
        <source>The user&apos;s e-mail address</source>
        <translation>Die E-Mail-Adresse des Benutzers</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>colleague@example.com</source>
        <translation>kollege@example.com</translation>
    </message>
</context>
<context>
    <name>AegisFollowSection</name>
    <message>
        <source>%n added</source>
        <translation type="vanished">%n hinzugefügt</translation>
    </message>
    <message>
        <source>%n changed</source>
        <translation type="vanished">%n geändert</translation>
    </message>
    <message>
        <source>%n removed</source>
        <translation type="vanished">%n entfernt</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/aegis_follow_section.py" line="+73"/>
        <source>nothing new</source>
        <translation>nichts Neues</translation>
    </message>
    <message>
        <source>just now</source>
        <translation type="vanished">gerade eben</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Following the folder: no Aegis backup in it yet.</source>
        <translation>Der Ordner wird überwacht: Er enthält noch keine Aegis-Sicherung.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Read {file} {ago}: {counts}</source>
        <translation>{file} {ago} gelesen: {counts}</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>From the phone: {counts}</source>
        <translation>Vom Telefon: {counts}</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>Follow an Aegis backup folder</source>
        <translation>Aegis-Sicherungsordner überwachen</translation>
    </message>
    <message>
        <source>Aegis on your phone can write its automatic backups to a folder that your sync program brings here. The phone&apos;s new, changed and deleted accounts then come in. To send this computer&apos;s changes back, point the automatic backups (Export → Automatic backups) at the same folder and import them in Aegis.</source>
        <translation type="vanished">Aegis auf Ihrem Telefon kann seine automatischen Sicherungen in einen Ordner schreiben, den Ihr Sync-Programm auf diesen Computer abgleicht. Neue, geänderte und gelöschte Konten des Telefons kommen dann hier an. Um die Änderungen dieses Computers zurückzuschicken, lassen Sie die automatischen Sicherungen (Einstellungen → Sicherungen) in denselben Ordner schreiben und importieren Sie sie in Aegis.</translation>
    </message>
    <message>
        <location line="-187"/>
        <source>{n} added</source>
        <translation>{n} hinzugefügt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{n} changed</source>
        <translation>{n} geändert</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{n} removed</source>
        <translation>{n} entfernt</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The kept password no longer opens the phone&apos;s backups (was it changed on the phone?): type the new one, once. Nothing was read since.</source>
        <translation>Das gespeicherte Passwort öffnet die Sicherungen des Telefons nicht mehr (wurde es auf dem Telefon geändert?): Geben Sie das neue einmal ein. Seitdem wurde nichts gelesen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The phone&apos;s backups are encrypted now: type their password, once. Nothing was read since.</source>
        <translation>Die Sicherungen des Telefons sind jetzt verschlüsselt: Geben Sie ihr Passwort einmal ein. Seitdem wurde nichts gelesen.</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Aegis backups need their password: see Settings → Sync</source>
        <translation>Aegis-Sicherungen brauchen ihr Passwort: siehe Einstellungen → Synchronisierung</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Aegis on your phone can write its automatic backups to a folder that your sync program brings here. The phone&apos;s new, changed and deleted accounts then come in. To send this computer&apos;s changes back, point the automatic backups (Settings → Backups) at the same folder and import them in Aegis.</source>
        <translation>Aegis auf Ihrem Telefon kann seine automatischen Sicherungen in einen Ordner schreiben, den Ihr Sync-Programm auf diesen Computer abgleicht. Neue, geänderte und gelöschte Konten des Telefons kommen dann hier an. Um die Änderungen dieses Computers zurückzuschicken, lassen Sie die automatischen Sicherungen (Einstellungen → Sicherungen) in denselben Ordner schreiben und importieren Sie sie in Aegis.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Aegis backup folder</source>
        <translation>Aegis-Sicherungsordner</translation>
    </message>
    <message>
        <source>No folder chosen</source>
        <translation type="vanished">Kein Ordner gewählt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The folder where Aegis writes its automatic backups.</source>
        <translation>Der Ordner, in den Aegis seine automatischen Sicherungen schreibt.</translation>
    </message>
    <message>
        <source>Choose Folder…</source>
        <translation type="vanished">Ordner wählen …</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pick the folder where Aegis writes its backups.</source>
        <translation>Wählen Sie den Ordner, in den Aegis seine Sicherungen schreibt.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The backups are encrypted: type their password once. It is kept in this computer&apos;s keyring.</source>
        <translation>Die Sicherungen sind verschlüsselt: Geben Sie ihr Passwort einmal ein. Es wird im Schlüsselbund dieses Computers aufbewahrt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+2"/>
        <source>Password of the Aegis backups</source>
        <translation>Passwort der Aegis-Sicherungen</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>The backups are encrypted; the password is kept in this computer&apos;s keyring.</source>
        <translation>Die Sicherungen sind verschlüsselt; das Passwort wird im Schlüsselbund dieses Computers aufbewahrt.</translation>
    </message>
    <message>
        <location line="-29"/>
        <location line="+70"/>
        <source>Follow</source>
        <translation>Überwachen</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>Bring in the phone&apos;s changes from this folder, now and whenever it changes.</source>
        <translation>Die Änderungen des Telefons aus diesem Ordner übernehmen, jetzt und bei jeder Änderung des Ordners.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stop Following</source>
        <translation>Überwachung beenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop reading the folder; the accounts stay here.</source>
        <translation>Den Ordner nicht mehr lesen; die Konten bleiben hier.</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Aegis Backup Folder</source>
        <translation>Aegis-Sicherungsordner</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Use Password</source>
        <translation>Passwort verwenden</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Type the password of the Aegis backups first.</source>
        <translation>Geben Sie zuerst das Passwort der Aegis-Sicherungen ein.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reading the folder…</source>
        <translation>Ordner wird gelesen …</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+18"/>
        <source>The folder is being read; try again in a moment.</source>
        <translation>Der Ordner wird gerade gelesen; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Following the folder: the phone&apos;s new backups are read as they arrive.</source>
        <translation>Der Ordner wird überwacht: Neue Sicherungen des Telefons werden gelesen, sobald sie ankommen.</translation>
    </message>
    <message>
        <source>Something went wrong ({kind}); see the log.</source>
        <translation type="vanished">Etwas ist schiefgegangen ({kind}); siehe Protokoll.</translation>
    </message>
    <message>
        <source>Nothing changed: {error}</source>
        <translation type="vanished">Nichts geändert: {error}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The folder is no longer followed; the accounts stay here.</source>
        <translation>Der Ordner wird nicht mehr überwacht; die Konten bleiben hier.</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>Wrong password. Try again.</source>
        <translation type="vanished">Falsches Passwort. Versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/application.py" line="+109"/>
        <source>Authenticator is already running</source>
        <translation>Authenticator läuft bereits</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{error}

Switch to the open window, or quit it first.</source>
        <translation>{error}

Wechseln Sie zum offenen Fenster oder beenden Sie es zuerst.</translation>
    </message>
    <message>
        <location line="-13"/>
        <location line="+19"/>
        <source>The vault cannot be opened</source>
        <translation>Der Tresor kann nicht geöffnet werden</translation>
    </message>
</context>
<context>
    <name>BackupBanner</name>
    <message>
        <location filename="../../desktop_app/ui/backup_page.py" line="+309"/>
        <source>Backup notice</source>
        <translation>Hinweis zur Sicherung</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Backup Settings…</source>
        <translation>Sicherungseinstellungen …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open Settings → Backups to fix this.</source>
        <translation>Öffnen Sie Einstellungen → Sicherungen, um das zu beheben.</translation>
    </message>
</context>
<context>
    <name>BackupPanel</name>
    <message>
        <location line="-150"/>
        <source>Use This Folder</source>
        <translation>Diesen Ordner verwenden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write the automatic backups to the folder suggested here.</source>
        <translation>Die automatischen Sicherungen in den hier vorgeschlagenen Ordner schreiben.</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+12"/>
        <source>Backup password</source>
        <translation>Sicherungspasswort</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Password of automatic backups</source>
        <translation>Passwort der automatischen Sicherungen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Repeat the password of automatic backups</source>
        <translation>Passwort der automatischen Sicherungen wiederholen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Repeat</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save Password</source>
        <translation>Passwort speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep this password for the automatic backups in the system keyring.</source>
        <translation>Dieses Passwort für die automatischen Sicherungen im Schlüsselbund des Systems ablegen.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>A backup password is set (kept in the system keyring). Type a new one to change it.</source>
        <translation>Ein Sicherungspasswort ist festgelegt (im Schlüsselbund des Systems). Geben Sie ein neues ein, um es zu ändern.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No backup password is set. Backups are encrypted with it: you need it to open one, here or in Aegis.</source>
        <translation>Es ist kein Sicherungspasswort festgelegt. Sicherungen werden damit verschlüsselt: Sie brauchen es, um eine Sicherung zu öffnen, hier oder in Aegis.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No folder is chosen. Suggested: {folder}</source>
        <translation>Es ist kein Ordner gewählt. Vorschlag: {folder}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Choose a backup password to start the backups.</source>
        <translation>Wählen Sie ein Sicherungspasswort, um die Sicherungen zu starten.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The password needs at least {n} characters.</source>
        <translation>Das Passwort braucht mindestens {n} Zeichen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The two passwords differ.</source>
        <translation>Die beiden Passwörter stimmen nicht überein.</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>just now</source>
        <translation type="vanished">gerade eben</translation>
    </message>
    <message>
        <location line="-214"/>
        <source>Automatic backups are off.</source>
        <translation>Automatische Sicherungen sind ausgeschaltet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Automatic backups are on.</source>
        <translation>Automatische Sicherungen sind eingeschaltet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Automatic backups are on, but none is written. {problem}</source>
        <translation>Automatische Sicherungen sind eingeschaltet, aber es wird keine geschrieben. {problem}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Last backup {ago}.</source>
        <translation>Letzte Sicherung: {ago}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Automatic backups are on: the next change of your accounts writes one.</source>
        <translation>Automatische Sicherungen sind eingeschaltet: Die nächste Änderung an Ihren Konten schreibt eine.</translation>
    </message>
</context>
<context>
    <name>CameraPreview</name>
    <message>
        <location filename="../../desktop_app/ui/scan_window.py" line="+61"/>
        <source>Camera preview</source>
        <translation>Kameravorschau</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Live picture from the camera; hold a QR code in view.</source>
        <translation>Livebild der Kamera; halten Sie einen QR-Code ins Bild.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Starting the camera…</source>
        <translation>Kamera wird gestartet …</translation>
    </message>
</context>
<context>
    <name>CameraScanner</name>
    <message>
        <location filename="../../desktop_app/ui/camera_worker.py" line="+64"/>
        <source>Camera scanning stopped unexpectedly. Close this window and open it again.</source>
        <extracomment>shown in the scan window when its camera process ended without being asked to (a crash)</extracomment>
        <translation>Das Scannen mit der Kamera wurde unerwartet beendet. Schließen Sie dieses Fenster und öffnen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>CandidateReview</name>
    <message>
        <location filename="../../desktop_app/ui/candidate_review.py" line="+259"/>
        <source>Steam Guard · 5 characters · every {period} s</source>
        <extracomment>the columns that give up width (their text wraps onto more lines) when not all fit where a cell&apos;s text can surely break: its spaces and the break after an e-mail&apos;s &quot;@&quot;</extracomment>
        <translation>Steam Guard · 5 Zeichen · alle {period} s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Counter-based (HOTP) · {alg} · {digits} digits · counter {counter}</source>
        <translation>Zählerbasiert (HOTP) · {alg} · {digits} Stellen · Zähler {counter}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Time-based (TOTP) · {alg} · {digits} digits · every {period} s</source>
        <translation>Zeitbasiert (TOTP) · {alg} · {digits} Stellen · alle {period} s</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Steam · 5 characters · {period} s</source>
        <translation>Steam · 5 Zeichen · {period} s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HOTP · {alg} · {digits} digits · counter {counter}</source>
        <translation>HOTP · {alg} · {digits} Stellen · Zähler {counter}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TOTP · {alg} · {digits} digits · {period} s</source>
        <translation>TOTP · {alg} · {digits} Stellen · {period} s</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>No account can be added</source>
        <translation>Kein Konto kann hinzugefügt werden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add this account?</source>
        <translation>Dieses Konto hinzufügen?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} accounts found</source>
        <translation>{n} Konten gefunden</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Cannot be added ({k}):</source>
        <translation>Kann nicht hinzugefügt werden ({k}):</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Entries that cannot be added</source>
        <translation>Einträge, die nicht hinzugefügt werden können</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Entries found that this app cannot use, each with the reason.</source>
        <translation>Gefundene Einträge, die diese App nicht verwenden kann, jeweils mit dem Grund.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unnamed</source>
        <translation>Ohne Namen</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>Issuer</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>The service the account belongs to, for example GitHub.</source>
        <translation type="vanished">Der Dienst, zu dem das Konto gehört, zum Beispiel GitHub.</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation type="vanished">Kontoname</translation>
    </message>
    <message>
        <source>Your user name or e-mail address at the service.</source>
        <translation type="vanished">Ihr Benutzername oder Ihre E-Mail-Adresse bei dem Dienst.</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>&amp;Issuer:</source>
        <translation>&amp;Anbieter:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Account:</source>
        <translation>&amp;Konto:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>⚠ The same key is already saved as “{label}”. Adding it again creates a second copy.</source>
        <translation>⚠ Derselbe Schlüssel ist bereits als „{label}“ gespeichert. Erneutes Hinzufügen legt eine zweite Kopie an.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+35"/>
        <source>an unnamed account</source>
        <translation>ein unbenanntes Konto</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>⚠ An account named “{label}” with another key is already saved. Both are kept: rename one to tell them apart, and delete the old one when it no longer works.</source>
        <translation>⚠ Ein Konto namens „{label}“ mit einem anderen Schlüssel ist bereits gespeichert. Beide werden behalten: Benennen Sie eines um, um sie zu unterscheiden, und löschen Sie das alte, sobald es nicht mehr funktioniert.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Same name as a row above, another key</source>
        <translation>Gleicher Name wie eine Zeile darüber, anderer Schlüssel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Same name as a saved one, another key</source>
        <translation>Gleicher Name wie ein gespeichertes Konto, anderer Schlüssel</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Repeats {label} in this list</source>
        <translation>Wiederholt {label} in dieser Liste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Already in your accounts ({label})</source>
        <translation>Bereits in Ihren Konten ({label})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Accounts found</source>
        <translation>Gefundene Konten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The accounts read; the checked ones are added. Space checks a row.</source>
        <translation>Die gelesenen Konten; die markierten werden hinzugefügt. Die Leertaste markiert eine Zeile.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Add {label}</source>
        <translation>{label} hinzufügen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unnamed account</source>
        <translation>Unbenanntes Konto</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Select all</source>
        <translation>Alle auswählen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select none</source>
        <translation>Keine auswählen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Check every account in the list.</source>
        <translation>Alle Konten der Liste markieren.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Uncheck every account in the list.</source>
        <translation>Die Markierung aller Konten der Liste aufheben.</translation>
    </message>
</context>
<context>
    <name>ClockBanner</name>
    <message>
        <location filename="../../desktop_app/ui/clock_banner.py" line="+51"/>
        <source>Clock notice</source>
        <translation>Hinweis zur Uhr</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+55"/>
        <source>Check now</source>
        <translation>Jetzt prüfen</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>Correct the codes in this app</source>
        <translation>Codes in dieser App korrigieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop correcting</source>
        <translation>Nicht mehr korrigieren</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The time server could not be asked ({kind}).</source>
        <translation>Der Zeitserver konnte nicht gefragt werden ({kind}).</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>&lt;b&gt;The clock of this computer is not synchronised&lt;/b&gt; with a time server; codes may be refused.</source>
        <translation>&lt;b&gt;Die Uhr dieses Computers ist nicht&lt;/b&gt; mit einem Zeitserver &lt;b&gt;synchronisiert&lt;/b&gt;; Codes werden womöglich abgelehnt.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>According to {server}, the clock is {offset} s off: close enough.</source>
        <translation>Laut {server} geht die Uhr um {offset} s falsch: genau genug.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>According to {server}, the clock is {offset} s &lt;b&gt;behind&lt;/b&gt;.</source>
        <translation>Laut {server} geht die Uhr {offset} s &lt;b&gt;nach&lt;/b&gt;.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>According to {server}, the clock is {offset} s &lt;b&gt;ahead&lt;/b&gt;.</source>
        <translation>Laut {server} geht die Uhr {offset} s &lt;b&gt;vor&lt;/b&gt;.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Codes in this app are corrected by {offset} s.</source>
        <translation>Codes in dieser App werden um {offset} s korrigiert.</translation>
    </message>
</context>
<context>
    <name>Confirm</name>
    <message>
        <location filename="../../desktop_app/ui/confirm_dialog.py" line="+106"/>
        <source>Go Back</source>
        <extracomment>room beside a window title for the title bar&apos;s buttons and icon (window managers differ)</extracomment>
        <translation>Zurück</translation>
    </message>
    <message>
        <location line="+29"/>
        <location line="+10"/>
        <source>Continue</source>
        <translation>Fortfahren</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <location line="+24"/>
        <source>Add Account</source>
        <translation>Konto hinzufügen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add Accounts</source>
        <translation>Konten hinzufügen</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+34"/>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>Save the checked accounts in the vault.</source>
        <translation>Die markierten Konten im Tresor speichern.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Add {k} Accounts</source>
        <translation>{k} Konten hinzufügen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Nothing was saved: {error}</source>
        <translation>Nichts wurde gespeichert: {error}</translation>
    </message>
</context>
<context>
    <name>DisableDialog</name>
    <message>
        <location filename="../../desktop_app/ui/emnify/widgets.py" line="+162"/>
        <source>Turn off the authenticator app</source>
        <translation>Authenticator-App ausschalten</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Also remove the key from this app</source>
        <translation>Den Schlüssel auch aus dieser App entfernen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Turn off</source>
        <translation>Ausschalten</translation>
    </message>
</context>
<context>
    <name>EditDialog</name>
    <message>
        <location filename="../../desktop_app/ui/edit_dialog.py" line="+52"/>
        <source>Edit Account</source>
        <translation>Konto bearbeiten</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation type="vanished">Anbieter</translation>
    </message>
    <message>
        <source>The service the account belongs to, for example GitHub.</source>
        <translation type="vanished">Der Dienst, zu dem das Konto gehört, zum Beispiel GitHub.</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation type="vanished">Kontoname</translation>
    </message>
    <message>
        <source>Your user name or e-mail address at the service.</source>
        <translation type="vanished">Ihr Benutzername oder Ihre E-Mail-Adresse bei dem Dienst.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A group to file the account under.</source>
        <translation>Eine Gruppe, unter der das Konto abgelegt wird.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+4"/>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A note of your own about the account.</source>
        <translation>Eine eigene Notiz zum Konto.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Issuer:</source>
        <translation>&amp;Anbieter:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Account:</source>
        <translation>&amp;Konto:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Group:</source>
        <translation>&amp;Gruppe:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Note:</source>
        <translation>&amp;Notiz:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Counter</source>
        <translation>Zähler</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The counter of the next code; change it to resynchronise with the service.</source>
        <translation>Der Zähler des nächsten Codes; ändern Sie ihn, um sich wieder mit dem Dienst abzugleichen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Counter:</source>
        <translation>&amp;Zähler:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Type:</source>
        <translation>Typ:</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Not active on emnify any more: this key was turned off on the portal, and its codes no longer sign you in.</source>
        <translation>Auf emnify nicht mehr aktiv: Dieser Schlüssel wurde im Portal abgeschaltet, seine Codes melden Sie nicht mehr an.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not active on emnify since {date}: this key was turned off on the portal, and its codes no longer sign you in.</source>
        <translation>Seit {date} bei emnify nicht aktiv: Dieser Schlüssel wurde im Portal abgeschaltet, seine Codes melden Sie nicht mehr an.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Remove from This App…</source>
        <translation>Aus dieser App entfernen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete this key, which no longer works, from the vault.</source>
        <translation>Diesen Schlüssel, der nicht mehr funktioniert, aus dem Tresor löschen.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Issuer: enter the service name (issuer) or the account name.</source>
        <translation>Anbieter: Geben Sie den Namen des Dienstes (Anbieter) oder den Kontonamen ein.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Nothing was saved: {error}</source>
        <translation>Nichts wurde gespeichert: {error}</translation>
    </message>
</context>
<context>
    <name>EmnifyPane</name>
    <message>
        <location filename="../../desktop_app/ui/emnify/pane.py" line="+128"/>
        <source>Demo portal: e-mail {user}, password {password}</source>
        <translation>Demo-Portal: E-Mail {user}, Passwort {password}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Demo inbox: the portal e-mailed the code {code} to {to}.</source>
        <translation>Demo-Posteingang: Das Portal hat den Code {code} an {to} gesendet.</translation>
    </message>
    <message>
        <location filename="../../build/translations/ui_wrapped_messages.py" line="+48"/>
        <source>No OS keyring: this app cannot keep you signed in or remember this device. Everything else works.</source>
        <translation>Kein Schlüsselbund des Systems: Diese App kann Sie nicht angemeldet lassen und sich dieses Gerät nicht merken. Alles andere funktioniert.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start again</source>
        <translation>Neu beginnen</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>Portal address</source>
        <translation>Portal-Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Portal address:</source>
        <translation>Portal-Adresse:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in with an application token instead of a password</source>
        <translation>Mit einem Anwendungstoken statt eines Passworts anmelden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recommended for single sign-on users (Microsoft, Google) and for scripts.</source>
        <translation>Empfohlen bei Single Sign-on (Microsoft, Google) und für Skripte.</translation>
    </message>
    <message>
        <source>Signing in to emnify with Microsoft, Google or another single sign-on, or writing a script? Use an application token from the emnify portal.</source>
        <translation type="vanished">Sie melden sich bei emnify mit Microsoft, Google oder einem anderen Single Sign-on an oder schreiben ein Skript? Verwenden Sie ein Anwendungstoken aus dem emnify-Portal.</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>you@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>E-mail address</source>
        <translation>E-Mail-Adresse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E-mail address:</source>
        <translation>E-Mail-Adresse:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The password of your emnify account; it is never stored.</source>
        <translation>Das Passwort Ihres emnify-Kontos; es wird nie gespeichert.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Application token</source>
        <translation>Anwendungstoken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An application token created in the emnify portal.</source>
        <translation>Ein im emnify-Portal erstelltes Anwendungstoken.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kept in memory only, not after the app closes</source>
        <translation>nur im Arbeitsspeicher, nicht über das Beenden der App hinaus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Token:</source>
        <translation>Token:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Advanced</source>
        <translation>Erweitert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shows the portal address, for a portal other than emnify&apos;s own.</source>
        <translation>Zeigt die Portaladresse, für ein anderes Portal als das von emnify.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Signing in to emnify with Microsoft, Google or another single sign-on (no password), or writing a script? Make an application token in the emnify Portal (Integrations → Application tokens) and paste it here.</source>
        <translation>Sie melden sich bei emnify mit Microsoft, Google oder einem anderen Single Sign-on an (ohne Passwort), oder Sie schreiben ein Skript? Erstellen Sie im emnify-Portal ein Anwendungstoken (Integrations → Application tokens) und fügen Sie es hier ein.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep me signed in on this computer</source>
        <translation>Auf diesem Computer angemeldet bleiben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keeps the session in the OS keyring, so that you stay signed in after a restart.</source>
        <translation>Bewahrt die Sitzung im Schlüsselbund des Systems auf, sodass Sie nach einem Neustart angemeldet bleiben.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trust this device (no code here for 90 days)</source>
        <translation>Diesem Gerät vertrauen (90 Tage lang kein Code hier)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The portal asks no sign-in code on this computer for 90 days.</source>
        <translation>Das Portal fragt auf diesem Computer 90 Tage lang nach keinem Anmeldecode.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Account security…</source>
        <translation>Kontosicherheit …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Application tokens, security events and lost-phone recovery.</source>
        <translation>Anwendungs-Tokens, Sicherheitsereignisse und Hilfe bei verlorenem Telefon.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Application tokens…</source>
        <translation>Anwendungs-Tokens …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Security events…</source>
        <translation>Sicherheitsereignisse …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your recent sign-ins and two-factor changes, newest first.</source>
        <translation>Ihre letzten Anmeldungen und Zwei-Faktor-Änderungen, neueste zuerst.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lost phone…</source>
        <translation>Telefon verloren …</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>Code:</source>
        <translation>Code:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign-in code</source>
        <translation>Anmeldecode</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The code the portal e-mailed, or the one of your authenticator app.</source>
        <translation>Der Code, den das Portal per E-Mail gesendet hat, oder der Ihrer Authenticator-App.</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+24"/>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>Signs in to the emnify portal.</source>
        <translation>Meldet Sie beim emnify-Portal an.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirm code</source>
        <translation>Code bestätigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sends the sign-in code to the portal.</source>
        <translation>Sendet den Anmeldecode an das Portal.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>your emnify password</source>
        <translation>Ihr emnify-Passwort</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Password, to create the key</source>
        <translation>Passwort, um den Schlüssel zu erstellen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Also show the QR code for a phone</source>
        <translation>Auch den QR-Code für ein Telefon zeigen</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Workspace</source>
        <translation>Workspace</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Switch</source>
        <translation>Wechseln</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Workspace:</source>
        <translation>Workspace:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trusted devices</source>
        <translation>Vertrauenswürdige Geräte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forget…</source>
        <translation>Vergessen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trusted devices:</source>
        <translation>Vertrauenswürdige Geräte:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/emnify/presenter.py" line="+145"/>
        <source> (application token)</source>
        <translation> (Anwendungstoken)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Signed in as {user}{how}</source>
        <translation>Angemeldet als {user}{how}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{signed_in} · {workspace}</source>
        <translation>{signed_in} · {workspace}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/emnify/events_presenter.py" line="+77"/>
        <source>Loading the security events…</source>
        <translation>Sicherheitsereignisse werden geladen…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No sign-ins or two-factor changes in the organisation yet.</source>
        <translation>Noch keine Anmeldungen oder Zwei-Faktor-Änderungen in der Organisation.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No sign-ins or two-factor changes of {email} yet.</source>
        <translation>Noch keine Anmeldungen oder Zwei-Faktor-Änderungen von {email}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No sign-ins or two-factor changes yet.</source>
        <translation>Noch keine Anmeldungen oder Änderungen an der Zwei-Faktor-Anmeldung.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only an Administrator of the organisation can see the organisation&apos;s security events.</source>
        <translation>Nur ein Administrator der Organisation kann die Sicherheitsereignisse der Organisation sehen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Only an Administrator of the organisation can see another user&apos;s security events.</source>
        <translation>Nur ein Administrator der Organisation kann die Sicherheitsereignisse anderer Benutzer sehen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The portal does not show these events to you.</source>
        <translation>Das Portal zeigt Ihnen diese Ereignisse nicht.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/emnify/admin_presenter.py" line="+84"/>
        <location filename="../../desktop_app/ui/emnify/presenter.py" line="+23"/>
        <source>Something went wrong. The log file has the details.</source>
        <translation>Etwas ist schiefgegangen. Die Protokolldatei enthält die Einzelheiten.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/emnify/presenter.py" line="+124"/>
        <source>Restoring the session…</source>
        <translation>Sitzung wird wiederhergestellt…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Paste your emnify application token.</source>
        <translation>Fügen Sie Ihr emnify-Anwendungstoken ein.</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+19"/>
        <source>Signing in…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Type the e-mail address and password of your emnify account.</source>
        <translation>Geben Sie die E-Mail-Adresse und das Passwort Ihres emnify-Kontos ein.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The code from this app&apos;s vault was not accepted. Type the code the portal sent to {to} (or the one of your authenticator app).</source>
        <translation>Der Code aus dem Tresor dieser App wurde nicht angenommen. Geben Sie den Code ein, den das Portal an {to} gesendet hat (oder den Ihrer Authenticator-App).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A code was sent to {to}. Type it here (or the code of your authenticator app).</source>
        <translation>Ein Code wurde an {to} gesendet. Geben Sie ihn hier ein (oder den Code Ihrer Authenticator-App).</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Type the code first.</source>
        <translation>Geben Sie zuerst den Code ein.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Checking the code…</source>
        <translation>Code wird geprüft…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Signed in; the code came from this app&apos;s vault.</source>
        <translation>Angemeldet; der Code kam aus dem Tresor dieser App.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed in. Without an OS keyring you sign in again next time.</source>
        <translation>Angemeldet. Ohne Schlüsselbund des Systems melden Sie sich beim nächsten Mal erneut an.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Signed in with the new application token. It is kept in memory only: after the app closes, sign in again.</source>
        <translation>Mit dem neuen Anwendungstoken angemeldet. Es wird nur im Arbeitsspeicher gehalten: Melden Sie sich nach dem Schließen der App erneut an.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Signing in with the new token…</source>
        <translation>Anmeldung mit dem neuen Token …</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Signed out. Nothing of the session is kept.</source>
        <translation>Abgemeldet. Von der Sitzung wird nichts aufbewahrt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Signing out…</source>
        <translation>Abmeldung läuft…</translation>
    </message>
    <message>
        <location line="+40"/>
        <location filename="../../desktop_app/ui/emnify/texts.py" line="+30"/>
        <source>Loading the account…</source>
        <translation>Konto wird geladen…</translation>
    </message>
    <message>
        <location line="+20"/>
        <location filename="../../desktop_app/ui/emnify/recovery_presenter.py" line="+78"/>
        <source>{what}, trusted since {day}</source>
        <translation>{what}, vertrauenswürdig seit {day}</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../desktop_app/ui/emnify/recovery_presenter.py" line="+2"/>
        <source>device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(unnamed)</source>
        <translation>(ohne Namen)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/emnify/steps.py" line="+62"/>
        <source>Type your emnify password to create the key.</source>
        <translation>Geben Sie Ihr emnify-Passwort ein, um den Schlüssel zu erstellen.</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Key created and saved in this app. Activation postponed.</source>
        <translation>Schlüssel erstellt und in dieser App gespeichert. Aktivierung verschoben.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Key created and saved in this app. </source>
        <translation>Schlüssel erstellt und in dieser App gespeichert. </translation>
    </message>
    <message>
        <location line="-45"/>
        <source>Creating the key and saving it in this app…</source>
        <translation>Schlüssel wird erstellt und in dieser App gespeichert…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>An authenticator app set up on {day} is active on this account, and this app&apos;s vault does not hold its key (a phone or another app has it). Replace it? Its codes stop working.</source>
        <translation>Auf diesem Konto ist eine am {day} eingerichtete Authenticator-App aktiv, deren Schlüssel nicht im Tresor dieser App liegt (ein Telefon oder eine andere App hat ihn). Ersetzen? Ihre Codes funktionieren dann nicht mehr.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>An authenticator app is active on this account, and this app&apos;s vault does not hold its key (a phone or another app has it). Replace it? Its codes stop working.</source>
        <translation>Auf diesem Konto ist eine Authenticator-App aktiv, deren Schlüssel nicht im Tresor dieser App liegt (ein Telefon oder eine andere App hat ihn). Ersetzen? Ihre Codes funktionieren dann nicht mehr.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Replace the authenticator app?</source>
        <translation>Authenticator-App ersetzen?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing was changed: the other authenticator app stays on.</source>
        <translation>Nichts wurde geändert: Die andere Authenticator-App bleibt aktiv.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Code sent: the authenticator app is on. Done.</source>
        <translation>Code gesendet: Die Authenticator-App ist eingeschaltet. Fertig.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sending the code to activate it…</source>
        <translation>Code zur Aktivierung wird gesendet…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cancel activation</source>
        <translation>Aktivierung abbrechen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel turning on the authenticator app? The pending key is deleted on the portal and removed from this app.</source>
        <translation>Das Einschalten der Authenticator-App abbrechen? Der ausstehende Schlüssel wird im Portal gelöscht und aus dieser App entfernt.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cancelling the activation…</source>
        <translation>Aktivierung wird abgebrochen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The activation was cancelled.</source>
        <translation>Die Aktivierung wurde abgebrochen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The account then has no second factor.</source>
        <translation>Das Konto hat dann keinen zweiten Faktor.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign-in codes will come by e-mail again.</source>
        <translation>Anmeldecodes kommen dann wieder per E-Mail.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>If your account uses e-mail codes, they will come by e-mail again; if it does not, it then has no second factor.</source>
        <translation>Nutzt Ihr Konto E-Mail-Codes, kommen sie wieder per E-Mail; sonst hat es danach keinen zweiten Faktor.</translation>
    </message>
    <message>
        <source>Sign-in codes then come by e-mail, as on every paid account; a trial account has no second factor after this.</source>
        <translation type="vanished">Anmeldecodes kommen dann per E-Mail, wie bei jedem bezahlten Konto; ein Testkonto hat danach keinen zweiten Faktor.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Remove the authenticator app key from your emnify account? {after}</source>
        <translation>Den Schlüssel der Authenticator-App aus Ihrem emnify-Konto entfernen? {after}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Turned off, and the key was removed from this app.</source>
        <translation>Ausgeschaltet, und der Schlüssel wurde aus dieser App entfernt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Turned off. This app keeps the old key, marked no longer active.</source>
        <translation>Ausgeschaltet. Diese App behält den alten Schlüssel, als nicht mehr aktiv markiert.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Turning off the authenticator app…</source>
        <translation>Authenticator-App wird ausgeschaltet…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Your organisation requires an authenticator app for signing in, so the portal did not turn it off. Nothing was changed.</source>
        <translation>Ihre Organisation verlangt zur Anmeldung eine Authenticator-App, daher hat das Portal sie nicht abgeschaltet. Nichts wurde geändert.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Remove the old key?</source>
        <translation>Den alten Schlüssel entfernen?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the emnify key that is no longer active on the portal from this app?</source>
        <translation>Den emnify-Schlüssel, der im Portal nicht mehr aktiv ist, aus dieser App entfernen?</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Removing the old key…</source>
        <translation>Alter Schlüssel wird entfernt…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The old key was removed from this app.</source>
        <translation>Der alte Schlüssel wurde aus dieser App entfernt.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/emnify/presenter.py" line="+34"/>
        <source>Switching the workspace…</source>
        <translation>Workspace wird gewechselt…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Workspace switched.</source>
        <translation>Workspace gewechselt.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Forget device</source>
        <translation>Gerät vergessen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forget the trusted device “{name}”?</source>
        <translation>Das vertrauenswürdige Gerät „{name}“ vergessen?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Forgetting the device…</source>
        <translation>Gerät wird vergessen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The device was forgotten.</source>
        <translation>Das Gerät wurde vergessen.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/emnify/texts.py" line="+5"/>
        <location line="+132"/>
        <source>Remove old key from this app…</source>
        <translation>Alten Schlüssel aus dieser App entfernen…</translation>
    </message>
    <message>
        <location line="-123"/>
        <source>Codes come from this app&apos;s vault entry “{entry}”</source>
        <translation>Die Codes kommen aus dem Tresoreintrag „{entry}“ dieser App</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>, since {day}</source>
        <translation>, seit {day}</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+102"/>
        <source>Sign-in codes: authenticator app (this app&apos;s vault)</source>
        <translation>Anmeldecodes: Authenticator-App (Tresor dieser App)</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Enable the authenticator app</source>
        <translation>Authenticator-App einschalten</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Disable…</source>
        <translation>Ausschalten…</translation>
    </message>
    <message>
        <location line="-86"/>
        <location line="+98"/>
        <source>This app&apos;s vault does not hold its key (a phone or another app has it).</source>
        <translation>Der Tresor dieser App enthält den Schlüssel nicht (ein Telefon oder eine andere App hat ihn).</translation>
    </message>
    <message>
        <location line="-94"/>
        <source>This app did not set it up; the vault entry “{entry}” may hold it.</source>
        <translation>Diese App hat sie nicht eingerichtet; der Tresoreintrag „{entry}“ enthält ihn möglicherweise.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Since {day}. </source>
        <translation>Seit {day}. </translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+87"/>
        <source>Sign-in codes: authenticator app set up elsewhere</source>
        <translation>Anmeldecodes: Authenticator-App, anderswo eingerichtet</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>Sign-in codes: authenticator app pending</source>
        <translation>Anmeldecodes: Authenticator-App ausstehend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The key is saved in this app (entry “{entry}”) but not activated yet.</source>
        <translation>Der Schlüssel ist in dieser App gespeichert (Eintrag „{entry}“), aber noch nicht aktiviert.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Finish activation</source>
        <translation>Aktivierung abschließen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel activation…</source>
        <translation>Aktivierung abbrechen…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The portal lists a two-factor key without saying whether it is active, so this app changes nothing. Check the key in the emnify Portal.</source>
        <translation>Das Portal nennt einen Zwei-Faktor-Schlüssel, ohne zu sagen, ob er aktiv ist; diese App ändert daher nichts. Prüfen Sie den Schlüssel im emnify-Portal.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Set up on {day}. </source>
        <translation>Eingerichtet am {day}. </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign-in codes: unknown</source>
        <translation>Anmeldecodes: unbekannt</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sign-in codes: by e-mail (can&apos;t be turned off on this account)</source>
        <translation>Anmeldecodes: per E-Mail (bei diesem Konto nicht abschaltbar)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Use this app instead: the portal then asks for the code this app shows.</source>
        <translation>Verwenden Sie stattdessen diese App: Das Portal fragt dann nach dem Code, den diese App zeigt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sign-in codes: none</source>
        <translation>Anmeldecodes: keine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This account has no second factor. Protect it with this app.</source>
        <translation>Dieses Konto hat keinen zweiten Faktor. Schützen Sie es mit dieser App.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sign-in codes: no authenticator app</source>
        <translation>Anmeldecodes: keine Authenticator-App</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Codes come by e-mail if the account uses them. Protect it with this app.</source>
        <translation>Codes kommen per E-Mail, wenn das Konto sie verwendet. Schützen Sie es mit dieser App.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unlock the vault to turn on the authenticator app.</source>
        <translation>Entsperren Sie den Tresor, um die Authenticator-App einzuschalten.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Codes come from this app&apos;s vault entry “{entry}”.</source>
        <translation>Die Codes kommen aus dem Tresor-Eintrag „{entry}“ dieser App.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Your organisation requires an authenticator app, so it cannot be turned off here.</source>
        <translation>Ihre Organisation verlangt eine Authenticator-App, daher kann sie hier nicht abgeschaltet werden.</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation type="vanished">Einschalten</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/emnify/recovery_presenter.py" line="-45"/>
        <source>Only an Administrator of the organisation can look up and change another user&apos;s two-factor keys.</source>
        <translation>Nur ein Administrator der Organisation kann die Zwei-Faktor-Schlüssel anderer Benutzer nachschlagen und ändern.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/emnify/admin_presenter.py" line="-13"/>
        <source>The portal knows no user with the e-mail address {email}.</source>
        <translation>Das Portal kennt keinen Benutzer mit der E-Mail-Adresse {email}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The portal does not let you reach {email}: only an Administrator can, and only for users of their own organisation.</source>
        <translation>Das Portal lässt Sie nicht auf {email} zugreifen: Das kann nur ein Administrator, und nur für Benutzer der eigenen Organisation.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/emnify/events_presenter.py" line="-53"/>
        <location filename="../../desktop_app/ui/emnify/recovery_presenter.py" line="+10"/>
        <source>Type the user&apos;s e-mail address.</source>
        <translation>Geben Sie die E-Mail-Adresse des Benutzers ein.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/emnify/recovery_presenter.py" line="+15"/>
        <source>Looking up the user…</source>
        <translation>Benutzer wird gesucht…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{type} key, {status}, created {day}</source>
        <translation>{type}-Schlüssel, {status}, erstellt am {day}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{who} ({email})</source>
        <translation>{who} ({email})</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Remove this two-factor key of {user}? Their sign-in then no longer asks for its codes.</source>
        <translation>Diesen Zwei-Faktor-Schlüssel von {user} entfernen? Die Anmeldung fragt dann nicht mehr nach seinen Codes.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Forget this trusted device of {user}? It is asked for a code at the next sign-in.</source>
        <translation>Dieses vertrauenswürdige Gerät von {user} vergessen? Bei der nächsten Anmeldung wird dort ein Code verlangt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Change {user}&apos;s sign-in?</source>
        <translation>Anmeldung von {user} ändern?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Removing…</source>
        <translation>Wird entfernt …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Removed.</source>
        <translation>Entfernt.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/emnify/tokens_presenter.py" line="+51"/>
        <source>Only an Administrator of the organisation can see and manage application tokens.</source>
        <translation>Nur ein Administrator der Organisation kann Anwendungs-Tokens sehen und verwalten.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The portal refused the expiry date: choose a day in the future.</source>
        <translation>Das Portal hat das Ablaufdatum abgelehnt: Wählen Sie einen Tag in der Zukunft.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The portal refused the IP restriction: type an address or range such as 203.0.113.0/24.</source>
        <translation>Das Portal hat die IP-Beschränkung abgelehnt: Geben Sie eine Adresse oder einen Bereich wie 203.0.113.0/24 ein.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The portal refused the new token.</source>
        <translation>Das Portal hat das neue Token abgelehnt.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Loading the application tokens…</source>
        <translation>Anwendungs-Tokens werden geladen…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Describe what the token is for (for example, “backup script”).</source>
        <translation>Beschreiben Sie, wofür das Token ist (zum Beispiel „Backup-Skript“).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Token created. Copy it now: the portal shows it only this once, and this app does not keep it.</source>
        <translation>Token erstellt. Kopieren Sie es jetzt: Das Portal zeigt es nur dieses eine Mal, und diese App speichert es nicht.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Creating the token…</source>
        <translation>Token wird erstellt…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>(no description)</source>
        <translation>(keine Beschreibung)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Revoke the token?</source>
        <translation>Token widerrufen?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revoke the application token “{name}”? Scripts and apps using it can no longer sign in.</source>
        <translation>Anwendungs-Token „{name}“ widerrufen? Skripte und Apps, die es nutzen, können sich dann nicht mehr anmelden.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Revoking the token…</source>
        <translation>Token wird widerrufen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The token was revoked.</source>
        <translation>Das Token wurde widerrufen.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/emnify/view.py" line="+355"/>
        <source>Tokens and lost-phone recovery: for Administrators only.</source>
        <translation>Tokens und Hilfe bei verlorenem Telefon: nur für Administratoren.</translation>
    </message>
    <message>
        <location line="+91"/>
        <location filename="../../build/translations/ui_wrapped_messages.py" line="+8"/>
        <source>List, create and revoke the organisation&apos;s application tokens.</source>
        <translation>Die Anwendungs-Tokens der Organisation auflisten, erstellen und widerrufen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../build/translations/ui_wrapped_messages.py" line="+4"/>
        <source>Remove another user&apos;s two-factor keys or trusted devices (administrators).</source>
        <translation>Zwei-Faktor-Schlüssel oder vertrauenswürdige Geräte eines anderen Benutzers entfernen (Administratoren).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Only an Administrator of the organisation can use this; the portal does not count you as one in this workspace.</source>
        <translation>Nur ein Administrator der Organisation kann dies verwenden; das Portal führt Sie in diesem Workspace nicht als Administrator.</translation>
    </message>
</context>
<context>
    <name>EntryQrDialog</name>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="+430"/>
        <source>QR Code — {label}</source>
        <translation>QR-Code – {label}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This picture holds the account&apos;s secret: anyone who scans or photographs it can generate your codes. Show it only to your own authenticator, then close it.</source>
        <translation>Dieses Bild enthält das Geheimnis des Kontos: Wer es scannt oder fotografiert, kann Ihre Codes erzeugen. Zeigen Sie es nur Ihrem eigenen Authenticator und schließen Sie es dann.</translation>
    </message>
</context>
<context>
    <name>EventsDialog</name>
    <message>
        <location filename="../../desktop_app/ui/emnify/events_dialog.py" line="+35"/>
        <source>Security events</source>
        <translation>Sicherheitsereignisse</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Security events, newest first</source>
        <translation>Sicherheitsereignisse, neueste zuerst</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Older events</source>
        <translation>Ältere Ereignisse</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Show:</source>
        <translation>Anzeigen:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Whose security events</source>
        <translation>Wessen Sicherheitsereignisse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mine</source>
        <translation>Meine</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The organisation&apos;s</source>
        <translation>Die der Organisation</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>A user&apos;s…</source>
        <translation>Die eines Benutzers …</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The organisation&apos;s and another user&apos;s events: administrators only.</source>
        <translation>Ereignisse der Organisation und anderer Benutzer: nur für Administratoren.</translation>
    </message>
    <message>
        <source>The user&apos;s e-mail address</source>
        <translation type="vanished">Die E-Mail-Adresse des Benutzers</translation>
    </message>
    <message>
        <source>colleague@example.com</source>
        <translation type="vanished">kollege@example.com</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show</source>
        <translation>Zeigen</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="-373"/>
        <source>Export accounts</source>
        <translation>Konten exportieren</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Export format</source>
        <translation>Exportformat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The file format the accounts are written in.</source>
        <translation>Das Dateiformat, in dem die Konten geschrieben werden.</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Export password</source>
        <translation>Exportpasswort</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The password that encrypts the exported file; at least 8 characters.</source>
        <translation>Das Passwort, das die exportierte Datei verschlüsselt; mindestens 8 Zeichen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Repeat the export password</source>
        <translation>Exportpasswort wiederholen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The same password again, to be sure.</source>
        <translation>Dasselbe Passwort noch einmal, zur Sicherheit.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeat:</source>
        <translation>Wiederholen:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Aegis and this app open the file with this password. It cannot be recovered.</source>
        <translation>Aegis und diese App öffnen die Datei mit diesem Passwort. Es kann nicht wiederhergestellt werden.</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>I understand that the secrets will be readable</source>
        <translation>Mir ist bewusst, dass die Geheimnisse lesbar sein werden</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+131"/>
        <source>Export…</source>
        <translation>Exportieren …</translation>
    </message>
    <message>
        <location line="-129"/>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose where to save the file and write it now.</source>
        <translation>Wählen, wo die Datei gespeichert wird, und sie jetzt schreiben.</translation>
    </message>
    <message>
        <source>Export now or set up automatic backups</source>
        <translation type="vanished">Jetzt exportieren oder automatische Sicherungen einrichten</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Export your account to a file that other authenticators can read.</source>
        <translation>Exportieren Sie Ihr Konto in eine Datei, die andere Authenticator-Apps lesen können.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export your {n} accounts to a file that other authenticators can read.</source>
        <translation>Exportieren Sie Ihre {n} Konten in eine Datei, die andere Authenticator-Apps lesen können.</translation>
    </message>
    <message>
        <source>Export Now</source>
        <translation type="vanished">Jetzt exportieren</translation>
    </message>
    <message>
        <source>Automatic Backups</source>
        <translation type="vanished">Automatische Sicherungen</translation>
    </message>
    <message>
        <source>Write all accounts to a file once.</source>
        <translation type="vanished">Alle Konten einmal in eine Datei schreiben.</translation>
    </message>
    <message>
        <source>Set the password of the automatic backups.</source>
        <translation type="vanished">Das Passwort der automatischen Sicherungen festlegen.</translation>
    </message>
    <message>
        <source>Automatic backups are written after each change, encrypted with the backup password below. Turn them on and choose their folder in Settings → Backups.</source>
        <translation type="vanished">Automatische Sicherungen werden nach jeder Änderung geschrieben, verschlüsselt mit dem Sicherungspasswort unten. Schalten Sie sie unter Einstellungen → Sicherungen ein und wählen Sie dort ihren Ordner.</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>The codes shown hold your secrets: anyone who photographs them can generate your codes. Scan them with Google Authenticator (Transfer accounts → Import accounts) in private. Steam accounts, 7-digit codes and periods other than 30 s cannot be carried and are listed.</source>
        <translation>Die gezeigten Codes enthalten Ihre Geheimnisse: Wer sie fotografiert, kann Ihre Codes erzeugen. Scannen Sie sie ungestört mit Google Authenticator (Konten übertragen → Konten importieren). Steam-Konten, 7-stellige Codes und andere Intervalle als 30 s können nicht übertragen werden und werden aufgelistet.</translation>
    </message>
    <message>
        <source>Password of automatic backups</source>
        <translation type="vanished">Passwort der automatischen Sicherungen</translation>
    </message>
    <message>
        <source>Backup password</source>
        <translation type="vanished">Sicherungspasswort</translation>
    </message>
    <message>
        <source>Repeat the password of automatic backups</source>
        <translation type="vanished">Passwort der automatischen Sicherungen wiederholen</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation type="vanished">Wiederholen</translation>
    </message>
    <message>
        <source>Save password</source>
        <translation type="vanished">Passwort speichern</translation>
    </message>
    <message>
        <source>Keep this password for the automatic backups in the system keyring.</source>
        <translation type="vanished">Dieses Passwort für die automatischen Sicherungen im Schlüsselbund des Systems ablegen.</translation>
    </message>
    <message>
        <source>After each change an encrypted Aegis backup is written to {folder}, keeping the newest {keep}.</source>
        <translation type="vanished">Nach jeder Änderung wird eine verschlüsselte Aegis-Sicherung in {folder} geschrieben; die neuesten {keep} bleiben erhalten.</translation>
    </message>
    <message>
        <source>the backup folder</source>
        <translation type="vanished">den Sicherungsordner</translation>
    </message>
    <message>
        <source>Automatic backups are off (turn them on in Settings → Backups).</source>
        <translation type="vanished">Automatische Sicherungen sind aus (unter Einstellungen → Sicherungen einschalten).</translation>
    </message>
    <message>
        <source>The backup password is set (kept in the system keyring).</source>
        <translation type="vanished">Das Sicherungspasswort ist festgelegt (im Schlüsselbund des Systems).</translation>
    </message>
    <message>
        <source>No backup password is set yet: backups need one.</source>
        <translation type="vanished">Noch kein Sicherungspasswort festgelegt: Sicherungen brauchen eines.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>The password needs at least {n} characters.</source>
        <translation>Das Passwort braucht mindestens {n} Zeichen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The two passwords differ.</source>
        <translation>Die beiden Passwörter unterscheiden sich.</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>Show codes</source>
        <translation>Codes zeigen</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>To have a backup written after every change, set up automatic backups in Settings → Backups.</source>
        <translation>Damit nach jeder Änderung eine Sicherung geschrieben wird, richten Sie automatische Sicherungen unter Einstellungen → Sicherungen ein.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Backup Settings…</source>
        <translation>Sicherungseinstellungen …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close this dialog and open Settings → Backups.</source>
        <translation>Diesen Dialog schließen und Einstellungen → Sicherungen öffnen.</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Export Accounts</source>
        <translation>Konten exportieren</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>There are no accounts to export.</source>
        <translation>Es gibt keine Konten zum Exportieren.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Writing the export…</source>
        <translation>Export wird geschrieben …</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Exported 1 account to {path}.</source>
        <translation>1 Konto nach {path} exportiert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exported {n} accounts to {path}.</source>
        <translation>{n} Konten nach {path} exportiert.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nothing was exported: {error}</source>
        <translation>Nichts wurde exportiert: {error}</translation>
    </message>
</context>
<context>
    <name>Exporters</name>
    <message>
        <location filename="../../desktop_app/exporters/registry.py" line="+23"/>
        <source>Aegis vault, encrypted (recommended)</source>
        <translation>Aegis-Tresor, verschlüsselt (empfohlen)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Aegis vault, not encrypted</source>
        <translation>Aegis-Tresor, unverschlüsselt</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Text file of otpauth:// links, not encrypted</source>
        <translation>Textdatei mit otpauth://-Links, unverschlüsselt</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Google Authenticator QR codes</source>
        <translation>QR-Codes für Google Authenticator</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The exported file holds your secrets in readable form: anyone who gets a copy can generate your codes. Keep it safe and delete it when you no longer need it.</source>
        <translation>Die exportierte Datei enthält Ihre Geheimnisse in lesbarer Form: Wer eine Kopie erhält, kann Ihre Codes erzeugen. Bewahren Sie sie sicher auf und löschen Sie sie, wenn Sie sie nicht mehr brauchen.</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <location filename="../../desktop_app/ui/file_dialogs.py" line="+43"/>
        <source>Images ({patterns})</source>
        <translation>Bilder ({patterns})</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>FolderSection</name>
    <message>
        <location filename="../../desktop_app/ui/folder_section.py" line="+149"/>
        <source>No folder chosen</source>
        <translation>Kein Ordner gewählt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Choose Folder…</source>
        <translation>Ordner wählen …</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Something went wrong ({kind}); see the log.</source>
        <translation>Etwas ist schiefgegangen ({kind}); siehe Protokoll.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nothing changed: {error}</source>
        <translation>Nichts geändert: {error}</translation>
    </message>
</context>
<context>
    <name>GlobalShortcut</name>
    <message>
        <location filename="../../desktop_app/ui/global_shortcut.py" line="+260"/>
        <source>The shortcut works in every program.</source>
        <extracomment>the grab is repeated with Caps Lock and Num Lock on, which X counts as modifiers</extracomment>
        <translation>Das Tastenkürzel funktioniert in jedem Programm.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The desktop runs the shortcut in every program.</source>
        <translation>Der Desktop führt das Tastenkürzel in jedem Programm aus.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Key, as the desktop set it: {key}</source>
        <translation>Taste, wie der Desktop sie festgelegt hat: {key}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Waiting for the desktop to confirm the shortcut (it may show a dialog).</source>
        <translation>Warten, bis der Desktop das Tastenkürzel bestätigt (möglicherweise zeigt er einen Dialog).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The desktop did not allow the shortcut. Bind one of these commands in the desktop&apos;s keyboard settings instead:</source>
        <translation>Der Desktop hat das Tastenkürzel nicht zugelassen. Legen Sie stattdessen einen dieser Befehle in den Tastatureinstellungen des Desktops auf eine Taste:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No global shortcut is available here (Wayland, or the key is taken by another program). Bind one of these commands in the desktop&apos;s keyboard settings:</source>
        <translation>Hier ist kein globales Tastenkürzel verfügbar (Wayland, oder die Taste ist von einem anderen Programm belegt). Legen Sie einen dieser Befehle in den Tastatureinstellungen des Desktops auf eine Taste:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/shortcut_portal.py" line="+334"/>
        <source>Open the quick-copy window</source>
        <translation>Das Schnellkopie-Fenster öffnen</translation>
    </message>
</context>
<context>
    <name>GoogleQrDialog</name>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="+17"/>
        <source>Transfer to Google Authenticator</source>
        <translation>An Google Authenticator übertragen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Previous</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the previous code.</source>
        <translation>Den vorigen Code zeigen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the next code.</source>
        <translation>Den nächsten Code zeigen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>These codes hold your secrets. Scan them in Google Authenticator (Transfer accounts → Import accounts) and close this window; do not let anyone photograph them.</source>
        <translation>Diese Codes enthalten Ihre Geheimnisse. Scannen Sie sie in Google Authenticator (Konten übertragen → Konten importieren) und schließen Sie dieses Fenster; lassen Sie niemanden sie fotografieren.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Accounts left out</source>
        <translation>Ausgelassene Konten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accounts this format cannot carry, each with the reason.</source>
        <translation>Konten, die dieses Format nicht übertragen kann, jeweils mit dem Grund.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&lt;b&gt;1 account cannot be carried and is left out:&lt;/b&gt;</source>
        <translation>&lt;b&gt;1 Konto kann nicht übertragen werden und wird ausgelassen:&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;{n} accounts cannot be carried and are left out:&lt;/b&gt;</source>
        <translation>&lt;b&gt;{n} Konten können nicht übertragen werden und werden ausgelassen:&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No account can be carried by this format.</source>
        <translation>Dieses Format kann kein Konto übertragen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Code {i} of {n}</source>
        <translation>Code {i} von {n}</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <location filename="../../desktop_app/ui/history_view.py" line="+76"/>
        <source>Earlier values</source>
        <translation>Frühere Werte</translation>
    </message>
    <message>
        <source>Values of this account that lost to a newer edit on another computer.</source>
        <translation type="vanished">Werte dieses Kontos, die von einer neueren Änderung auf einem anderen Computer ersetzt wurden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Values of this account that a newer edit replaced: another computer&apos;s, or a restore.</source>
        <translation>Werte dieses Kontos, die eine neuere Änderung ersetzt hat: von einem anderen Computer oder durch eine Wiederherstellung.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Earlier value</source>
        <translation>Früherer Wert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Issuer</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Secret and code settings</source>
        <translation>Geheimnis und Code-Einstellungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Icon</source>
        <translation>Symbol</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the same secret</source>
        <translation>dasselbe Geheimnis</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>a different secret</source>
        <translation>ein anderes Geheimnis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{secret}, {type}, {algorithm}, {digits} digits, {period} s</source>
        <translation>{secret}, {type}, {algorithm}, {digits} Stellen, {period} s</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>a picture</source>
        <translation>ein Bild</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no picture</source>
        <translation>kein Bild</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>an older version of the app</source>
        <translation>eine ältere Version der App</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>this computer</source>
        <translation>dieser Computer</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Earlier values: kept when a newer edit replaced them (another computer&apos;s, or a restore). Restore puts one back as the newest edit.</source>
        <translation>Frühere Werte: aufbewahrt, wenn eine neuere Änderung sie ersetzt hat (von einem anderen Computer oder durch eine Wiederherstellung). „Wiederherstellen“ setzt einen davon als neueste Änderung zurück.</translation>
    </message>
    <message>
        <source>Earlier values: kept when another computer&apos;s newer edit replaced them. Restore puts one back as the newest edit.</source>
        <translation type="vanished">Frühere Werte: aufbewahrt, als eine neuere Änderung eines anderen Computers sie ersetzte. „Wiederherstellen“ setzt einen davon als neueste Änderung wieder ein.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restore the earlier {field}</source>
        <translation>Früheren Wert von {field} wiederherstellen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This is the value the account has now.</source>
        <translation>Diesen Wert hat das Konto jetzt.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Nothing was restored: {error}</source>
        <translation>Nichts wurde wiederhergestellt: {error}</translation>
    </message>
</context>
<context>
    <name>IconField</name>
    <message>
        <location filename="../../desktop_app/ui/icon_picker.py" line="+83"/>
        <source>Choose an Icon</source>
        <translation>Symbol auswählen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pictures (*.svg *.png *.jpg *.jpeg)</source>
        <translation>Bilder (*.svg *.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location line="+205"/>
        <source>C&amp;hoose…</source>
        <translation>&amp;Auswählen …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose an icon</source>
        <translation>Symbol auswählen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pick the account&apos;s icon from the icon packs or from a picture file.</source>
        <translation>Wählen Sie das Symbol des Kontos aus den Symbolpaketen oder aus einer Bilddatei.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove the icon</source>
        <translation>Symbol entfernen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the letter of the issuer instead of an icon.</source>
        <translation>Statt eines Symbols den Anfangsbuchstaben des Anbieters zeigen.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Icon:</source>
        <translation>Symbol:</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>None</source>
        <translation>Keins</translation>
    </message>
</context>
<context>
    <name>IconPacksPage</name>
    <message>
        <location filename="../../desktop_app/ui/icon_packs_page.py" line="+52"/>
        <source>Icon packs in Aegis&apos;s format (a .zip file with a pack.json, such as the aegis-icons release) give new and imported accounts the icon of their issuer. Pick another one, or a picture of your own, in the account&apos;s Edit dialog.</source>
        <translation>Symbolpakete im Aegis-Format (eine .zip-Datei mit einer pack.json, etwa die aegis-icons-Veröffentlichung) geben neuen und importierten Konten das Symbol ihres Anbieters. Ein anderes Symbol oder ein eigenes Bild wählen Sie im Bearbeiten-Dialog des Kontos.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Installed icon packs</source>
        <translation>Installierte Symbolpakete</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The icon packs new accounts take their icons from; select one to remove it.</source>
        <translation>Die Symbolpakete, aus denen neue Konten ihre Symbole erhalten; wählen Sie eines aus, um es zu entfernen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import an icon pack (.zip).</source>
        <translation>Ein Symbolpaket (.zip) importieren.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove the selected icon pack; accounts keep the icons they have.</source>
        <translation>Das ausgewählte Symbolpaket entfernen; Konten behalten ihre Symbole.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{name} — version {version}, {n} icons</source>
        <translation>{name} – Version {version}, {n} Symbole</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No icon pack is installed.</source>
        <translation>Kein Symbolpaket installiert.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Import an Icon Pack</source>
        <translation>Symbolpaket importieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Icon packs (*.zip)</source>
        <translation>Symbolpakete (*.zip)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reading {name}…</source>
        <translation>{name} wird gelesen …</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Imported {name} (version {version}, {n} icons).</source>
        <translation>{name} importiert (Version {version}, {n} Symbole).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The icon pack could not be imported ({kind}).</source>
        <translation>Das Symbolpaket konnte nicht importiert werden ({kind}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not imported: {error}</source>
        <translation>Nicht importiert: {error}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Removed {name}. Accounts keep the icons they have.</source>
        <translation>{name} entfernt. Konten behalten ihre Symbole.</translation>
    </message>
</context>
<context>
    <name>IconPickerDialog</name>
    <message>
        <location filename="../../desktop_app/ui/icon_picker.py" line="-193"/>
        <source>Choose an Icon</source>
        <translation>Symbol auswählen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Search icons by name or issuer</source>
        <translation>Symbole nach Name oder Anbieter suchen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search icons</source>
        <translation>Symbole suchen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show only the icons whose name, issuer or category contains this text.</source>
        <translation>Nur die Symbole zeigen, deren Name, Anbieter oder Kategorie diesen Text enthält.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Icons</source>
        <translation>Symbole</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The icons of the installed packs; those matching the issuer come first.</source>
        <translation>Die Symbole der installierten Pakete; die zum Anbieter passenden stehen vorn.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>From &amp;File…</source>
        <translation>Aus &amp;Datei …</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Use an SVG, PNG or JPEG picture of your own.</source>
        <translation>Ein eigenes SVG-, PNG- oder JPEG-Bild verwenden.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>No icon pack is installed: import one in Settings → Icon packs (for example the aegis-icons release), or use a picture file.</source>
        <translation>Kein Symbolpaket installiert: Importieren Sie eines unter Einstellungen → Symbolpakete (zum Beispiel die aegis-icons-Veröffentlichung), oder verwenden Sie eine Bilddatei.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No icon matches.</source>
        <translation>Kein Symbol passt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{n} icons match the issuer; they come first.</source>
        <translation>{n} Symbole passen zum Anbieter; sie stehen vorn.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One icon matches the issuer; it comes first.</source>
        <translation>Ein Symbol passt zum Anbieter; es steht vorn.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{n} icons</source>
        <translation>{n} Symbole</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>This icon&apos;s file cannot be read any more.</source>
        <translation>Die Datei dieses Symbols kann nicht mehr gelesen werden.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>This picture cannot be shown.</source>
        <translation>Dieses Bild kann nicht angezeigt werden.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="+56"/>
        <source>Authenticator backups (*.json *.2fas *.aes *.txt *.csv *.png *.jpg *.jpeg)</source>
        <translation>Authenticator-Sicherungen (*.json *.2fas *.aes *.txt *.csv *.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Import accounts</source>
        <translation>Konten importieren</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import the checked accounts</source>
        <translation>Die markierten Konten importieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the checked accounts in the vault, all in one step.</source>
        <translation>Die markierten Konten in einem Schritt im Tresor speichern.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&lt;b&gt;Bring your accounts from another authenticator.&lt;/b&gt;&lt;br&gt;Choose a backup or export file, or drop it on this window. The app reads Aegis (plain or encrypted), 2FAS, andOTP, Bitwarden (JSON), FreeOTP+, ente Auth (plain text), Google Authenticator export links, text files of otpauth:// links and pictures of QR codes. Nothing is saved until you confirm.</source>
        <translation>&lt;b&gt;Übernehmen Sie Ihre Konten aus einem anderen Authenticator.&lt;/b&gt;&lt;br&gt;Wählen Sie eine Sicherungs- oder Exportdatei oder ziehen Sie sie auf dieses Fenster. Die App liest Aegis (unverschlüsselt oder verschlüsselt), 2FAS, andOTP, Bitwarden (JSON), FreeOTP+, ente Auth (Klartext), Google-Authenticator-Exportlinks, Textdateien mit otpauth://-Links und Bilder von QR-Codes. Nichts wird gespeichert, bevor Sie bestätigen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choose a file…</source>
        <translation>Datei wählen …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a backup file</source>
        <translation>Sicherungsdatei wählen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open a file dialog to pick the backup or export file.</source>
        <translation>Einen Dateidialog öffnen, um die Sicherungs- oder Exportdatei zu wählen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Problem with the file</source>
        <translation>Problem mit der Datei</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Backup password</source>
        <translation>Sicherungspasswort</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The password the backup was encrypted with.</source>
        <translation>Das Passwort, mit dem die Sicherung verschlüsselt wurde.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Password of the backup</source>
        <translation>Passwort der Sicherung</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unlock the backup</source>
        <translation>Sicherung entsperren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Decrypt the backup with the password and show its accounts.</source>
        <translation>Die Sicherung mit dem Passwort entschlüsseln und ihre Konten zeigen.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Import Backup</source>
        <translation>Sicherung importieren</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>&lt;b&gt;{name}&lt;/b&gt; is an encrypted {format}. Enter the password it was exported with.</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; ist eine verschlüsselte Datei ({format}). Geben Sie das Passwort ein, mit dem sie exportiert wurde.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Enter the backup&apos;s password.</source>
        <translation>Geben Sie das Passwort der Sicherung ein.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Unlocking the backup…</source>
        <translation>Sicherung wird entsperrt …</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reading the file…</source>
        <translation>Datei wird gelesen …</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>{error} Try again.</source>
        <translation>{error} Versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The file cannot be read ({kind}).</source>
        <translation>Die Datei kann nicht gelesen werden ({kind}).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The file</source>
        <translation>Die Datei</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>the file</source>
        <translation>die Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 account</source>
        <translation>1 Konto</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} accounts</source>
        <translation>{n} Konten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>, {d} already present (unchecked)</source>
        <translation>, {d} bereits vorhanden (nicht markiert)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Import 1 account</source>
        <translation>1 Konto importieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import {n} accounts</source>
        <translation>{n} Konten importieren</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The vault is locked; unlock it first.</source>
        <translation>Der Tresor ist gesperrt; entsperren Sie ihn zuerst.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nothing was imported: {error}</source>
        <translation>Nichts wurde importiert: {error}</translation>
    </message>
</context>
<context>
    <name>InstanceServer</name>
    <message>
        <location filename="../../desktop_app/ui/instance_server.py" line="+171"/>
        <source>Authenticator</source>
        <translation>Authenticator</translation>
    </message>
</context>
<context>
    <name>KeyDialog</name>
    <message>
        <location filename="../../desktop_app/ui/emnify/widgets.py" line="-42"/>
        <source>Add the key to a phone as well</source>
        <translation>Den Schlüssel auch einem Telefon hinzufügen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The key is saved in this app. To have it on a phone as well, scan this code with the phone&apos;s authenticator app now: the portal will not show it again.</source>
        <translation>Der Schlüssel ist in dieser App gespeichert. Um ihn auch auf einem Telefon zu haben, scannen Sie diesen Code jetzt mit der Authenticator-App des Telefons: Das Portal zeigt ihn nicht noch einmal.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>QR code of the new key</source>
        <translation>QR-Code des neuen Schlüssels</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Secret key</source>
        <translation>Geheimer Schlüssel</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Secret key:</source>
        <translation>Geheimer Schlüssel:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Activate now</source>
        <translation>Jetzt aktivieren</translation>
    </message>
</context>
<context>
    <name>ListActions</name>
    <message>
        <location filename="../../desktop_app/ui/controllers/list_actions.py" line="+63"/>
        <location line="+9"/>
        <source>Code for {who} copied</source>
        <translation>Code für {who} kopiert</translation>
    </message>
    <message>
        <location line="+30"/>
        <location line="+37"/>
        <location line="+15"/>
        <location line="+18"/>
        <source>account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location line="-69"/>
        <source> — clears in {seconds} s</source>
        <translation> – wird in {seconds} s gelöscht</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Next code for {who} copied</source>
        <translation>Nächster Code für {who} kopiert</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The counter could not be saved</source>
        <translation>Der Zähler konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New code for {who}</source>
        <translation>Neuer Code für {who}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Saved {label}</source>
        <translation>{label} gespeichert</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Restored {label}</source>
        <translation>{label} wiederhergestellt</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>this account</source>
        <translation>dieses Konto</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove “{label}” from this app?

The key was turned off on emnify: its codes no longer sign you in.</source>
        <translation>„{label}“ aus dieser App entfernen?

Der Schlüssel wurde auf emnify abgeschaltet: Seine Codes melden Sie nicht mehr an.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Delete account?</source>
        <translation>Konto löschen?</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Delete “{label}”?

You will no longer get codes for it. Make sure you can still sign in to the service (for example with another authenticator or backup codes) before deleting.</source>
        <translation>„{label}“ löschen?

Sie erhalten dann keine Codes mehr dafür. Stellen Sie vor dem Löschen sicher, dass Sie sich weiterhin beim Dienst anmelden können (zum Beispiel mit einem anderen Authenticator oder mit Sicherungscodes).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The account could not be deleted</source>
        <translation>Das Konto konnte nicht gelöscht werden</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Deleted {label}</source>
        <translation>{label} gelöscht</translation>
    </message>
    <message>
        <source>Not available</source>
        <translation type="vanished">Nicht verfügbar</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Showing QR codes is not available in this build.</source>
        <translation>Das Anzeigen von QR-Codes ist in dieser Version nicht verfügbar.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The order could not be saved</source>
        <translation>Die Reihenfolge konnte nicht gespeichert werden</translation>
    </message>
</context>
<context>
    <name>LockController</name>
    <message>
        <source>Wrong password. Try again.</source>
        <translation type="vanished">Falsches Passwort. Versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/locking.py" line="+108"/>
        <source>Wrong password, or the file was changed.</source>
        <translation>Falsches Passwort, oder die Datei wurde verändert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The vault could not be opened ({kind}).</source>
        <translation>Der Tresor konnte nicht geöffnet werden ({kind}).</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop_app/ui/controllers/pages.py" line="+84"/>
        <source>&lt;b&gt;Demo mode&lt;/b&gt;: emnify portal emulator at {url}, user &lt;b&gt;{user}&lt;/b&gt;, password &lt;b&gt;{password}&lt;/b&gt;. Try &lt;i&gt;Settings → emnify account&lt;/i&gt; (Ctrl+,) to turn two-factor authentication on and off.</source>
        <translation>&lt;b&gt;Demo-Modus&lt;/b&gt;: emnify-Portal-Emulator unter {url}, Benutzer &lt;b&gt;{user}&lt;/b&gt;, Passwort &lt;b&gt;{password}&lt;/b&gt;. Unter &lt;i&gt;Einstellungen → emnify-Konto&lt;/i&gt; (Strg+,) schalten Sie die Zwei-Faktor-Authentifizierung ein und aus.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;b&gt;Demo mode&lt;/b&gt;: using a local emnify portal emulator.</source>
        <translation>&lt;b&gt;Demo-Modus&lt;/b&gt;: Ein lokaler emnify-Portal-Emulator wird verwendet.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Demo mode notice</source>
        <translation>Hinweis zum Demo-Modus</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_actions.py" line="+115"/>
        <source>&amp;Enter Setup Key…</source>
        <translation>Einrichtungsschlüssel &amp;eingeben …</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Scan QR Code with &amp;Camera…</source>
        <translation>QR-Code mit &amp;Kamera scannen …</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Scan QR Code on &amp;Screen</source>
        <translation>QR-Code auf dem &amp;Bildschirm scannen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Open QR Image…</source>
        <translation>QR-Bild ö&amp;ffnen …</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Paste QR Image or Link</source>
        <translation>QR-Bild oder Link ein&amp;fügen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paste a QR image or link</source>
        <translation>Ein QR-Bild oder einen Link einfügen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Import Backup…</source>
        <translation>Sicherung &amp;importieren …</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren …</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Lock</source>
        <translation>&amp;Sperren</translation>
    </message>
    <message>
        <location line="-84"/>
        <source>Lock the vault</source>
        <translation>Den Tresor sperren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Locking needs a vault password: set one in Settings → Security.</source>
        <translation>Sperren braucht ein Tresor-Passwort: Legen Sie eines unter Einstellungen → Sicherheit fest.</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>List every keyboard shortcut</source>
        <translation>Alle Tastenkürzel auflisten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Clear Search</source>
        <translation>Suche leeren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clear the search, wherever the focus is</source>
        <translation>Die Suche leeren, wo auch immer der Fokus ist</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;About Authenticator</source>
        <translation>Ü&amp;ber Authenticator</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Find</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../desktop_app/ui/main_window.py" line="+300"/>
        <source>Search accounts</source>
        <translation>Konten durchsuchen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Copy Code</source>
        <translation>Code &amp;kopieren</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Copy &amp;Next Code</source>
        <translation>&amp;Nächsten Code kopieren</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Show Ne&amp;xt Code</source>
        <translation>Nächsten Code &amp;anzeigen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Generate Next Code</source>
        <translation>Nächsten Code &amp;erzeugen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Counter-based accounts: move to the next code (saved at once)</source>
        <translation>Zählerbasierte Konten: zum nächsten Code wechseln (sofort gespeichert)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Edit Account…</source>
        <translation>Konto &amp;bearbeiten …</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Show as &amp;QR Code…</source>
        <translation>Als &amp;QR-Code zeigen …</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Delete Account…</source>
        <translation>Konto &amp;löschen …</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Recently De&amp;leted…</source>
        <translation>Zuletzt ge&amp;löscht …</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restore an account deleted in the last 30 days</source>
        <translation>Ein in den letzten 30 Tagen gelöschtes Konto wiederherstellen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Move &amp;Up</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Move Do&amp;wn</source>
        <translation>Nach &amp;unten</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Custom Order</source>
        <translation>&amp;Eigene Reihenfolge</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>By &amp;Name</source>
        <translation>Nach &amp;Name</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Always Show Next &amp;Codes</source>
        <translation>Nächste &amp;Codes immer zeigen</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Add Account</source>
        <extracomment>the ways to add, in the order the empty page offers them (paste has no button there)</extracomment>
        <translation>Konto &amp;hinzufügen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Sort Accounts</source>
        <translation>Konten &amp;sortieren</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="-126"/>
        <source>Authenticator</source>
        <translation>Authenticator</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Desktop Authenticator</source>
        <translation>Desktop Authenticator</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_actions.py" line="-223"/>
        <source>Scan QR Code on Screen</source>
        <translation>QR-Code auf dem Bildschirm scannen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Open QR Image…</source>
        <translation>QR-Bild öffnen …</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Find the QR code shown on your screen, for example on a website.</source>
        <translation>Den QR-Code finden, den Ihr Bildschirm zeigt, zum Beispiel auf einer Website.</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Scan QR Code with Camera…</source>
        <translation>QR-Code mit Kamera scannen …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hold the QR code in front of your camera.</source>
        <translation>Den QR-Code vor Ihre Kamera halten.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Read the QR code from a saved picture or screenshot.</source>
        <translation>Den QR-Code aus einem gespeicherten Bild oder Bildschirmfoto lesen.</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>Enter Setup Key…</source>
        <translation>Einrichtungsschlüssel eingeben …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the setup key that the website shows.</source>
        <translation>Den Einrichtungsschlüssel eingeben, den die Website zeigt.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Import Backup…</source>
        <translation>Sicherung importieren …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the accounts of another authenticator&apos;s backup file.</source>
        <translation>Die Konten aus der Sicherungsdatei eines anderen Authenticators lesen.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="+122"/>
        <source>Search accounts  (Ctrl+F)</source>
        <translation>Konten durchsuchen  (Strg+F)</translation>
    </message>
    <message>
        <location line="-193"/>
        <source>+  Add</source>
        <translation>+  Hinzufügen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add an account: scan a QR code, open an image, paste…</source>
        <translation>Ein Konto hinzufügen: QR-Code scannen, Bild öffnen, einfügen …</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add account</source>
        <translation>Konto hinzufügen</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/port.py" line="+70"/>
        <source>The vault is locked.</source>
        <translation>Der Tresor ist gesperrt.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="+444"/>
        <source>Not available</source>
        <translation>Nicht verfügbar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Exporting is not available in this build.</source>
        <translation>Das Exportieren ist in dieser Version nicht verfügbar.</translation>
    </message>
    <message>
        <location line="-406"/>
        <source>About Authenticator</source>
        <translation>Über Authenticator</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;Desktop Authenticator {version}&lt;/h3&gt;&lt;p&gt;Two-factor codes for your accounts, kept in an encrypted vault on this computer.&lt;/p&gt;&lt;p&gt;Licensed under the GNU GPL v3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Desktop Authenticator {version}&lt;/h3&gt;&lt;p&gt;Zwei-Faktor-Codes für Ihre Konten, aufbewahrt in einem verschlüsselten Tresor auf diesem Computer.&lt;/p&gt;&lt;p&gt;Lizenziert unter der GNU GPL v3 oder später.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+488"/>
        <source>Authenticator keeps running</source>
        <translation>Authenticator läuft weiter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The app is still running in the system tray. Open it from the tray icon; quit it with File → Quit (Ctrl+Q).</source>
        <translation>Die App läuft im Systemabschnitt der Kontrollleiste weiter. Öffnen Sie sie über das Symbol dort; beenden Sie sie mit Datei → Beenden (Strg+Q).</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <location filename="../../desktop_app/ui/controllers/pages.py" line="+63"/>
        <source>No account matches “{query}”.</source>
        <translation>Kein Konto passt zu „{query}“.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>No accounts yet</source>
        <translation>Noch keine Konten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add your first account: when a website shows a QR code to set up two-factor sign-in, scan it from the screen or your camera, open a saved image, or type the setup key.</source>
        <translation>Fügen Sie Ihr erstes Konto hinzu: Wenn eine Website einen QR-Code zum Einrichten der Zwei-Faktor-Anmeldung zeigt, scannen Sie ihn vom Bildschirm oder mit Ihrer Kamera, öffnen Sie ein gespeichertes Bild oder geben Sie den Einrichtungsschlüssel ein.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>You can also drop an image here or paste one with Ctrl+V.</source>
        <translation>Sie können auch ein Bild hierher ziehen oder mit Strg+V einfügen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Authenticator is locked</source>
        <translation>Authenticator ist gesperrt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter your vault password to show your codes.</source>
        <translation>Geben Sie Ihr Tresorpasswort ein, um Ihre Codes zu sehen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+1"/>
        <source>Vault password</source>
        <translation>Tresorpasswort</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+1"/>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the vault with the password entered above.</source>
        <translation>Den Tresor mit dem oben eingegebenen Passwort öffnen.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Enter the vault password.</source>
        <translation>Geben Sie das Tresorpasswort ein.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Unlocking…</source>
        <translation>Wird entsperrt …</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../desktop_app/ui/unlock_dialog.py" line="+28"/>
        <source>No system keyring was found on this computer, so your accounts are protected by a password instead. You will enter it each time the app starts.</source>
        <translation>Auf diesem Computer wurde kein Schlüsselbund des Systems gefunden, deshalb schützt stattdessen ein Passwort Ihre Konten. Sie geben es bei jedem Start der App ein.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>You chose password protection: your accounts are encrypted with a password you enter each time the app starts.</source>
        <translation>Sie haben den Passwortschutz gewählt: Ihre Konten werden mit einem Passwort verschlüsselt, das Sie bei jedem Start der App eingeben.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>There is no way to recover the accounts if you forget this password.</source>
        <translation>Wenn Sie dieses Passwort vergessen, lassen sich die Konten nicht wiederherstellen.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Choose a Vault Password</source>
        <translation>Tresorpasswort wählen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unlock Authenticator</source>
        <translation>Authenticator entsperren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change Vault Password</source>
        <translation>Tresorpasswort ändern</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Enter the vault password to see your accounts.</source>
        <translation>Geben Sie das Tresorpasswort ein, um Ihre Konten zu sehen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Enter the current password and the new one.</source>
        <translation>Geben Sie das aktuelle und das neue Passwort ein.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Current password</source>
        <translation>Aktuelles Passwort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;urrent password:</source>
        <translation>A&amp;ktuelles Passwort:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New password</source>
        <translation>Neues Passwort</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;New password:</source>
        <translation>&amp;Neues Passwort:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Repeat the password</source>
        <translation>Passwort wiederholen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Repeat:</source>
        <translation>&amp;Wiederholen:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Create Vault</source>
        <translation>Tresor anlegen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change Password</source>
        <translation>Passwort ändern</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Create the vault with this password.</source>
        <translation>Den Tresor mit diesem Passwort anlegen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the vault with this password.</source>
        <translation>Den Tresor mit diesem Passwort öffnen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encrypt the vault with the new password.</source>
        <translation>Den Tresor mit dem neuen Passwort verschlüsseln.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The vault password; the characters are hidden as you type.</source>
        <translation>Das Tresorpasswort; die Zeichen bleiben beim Tippen verborgen.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Enter the current password.</source>
        <translation>Geben Sie das aktuelle Passwort ein.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter a password.</source>
        <translation>Geben Sie ein Passwort ein.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Use at least {n} characters.</source>
        <translation>Verwenden Sie mindestens {n} Zeichen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The two passwords differ.</source>
        <translation>Die beiden Passwörter unterscheiden sich.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Unlocking…</source>
        <translation>Wird entsperrt…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Protecting the vault…</source>
        <translation>Tresor wird geschützt…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Wrong password, or the file was changed.</source>
        <translation>Falsches Passwort, oder die Datei wurde verändert.</translation>
    </message>
    <message>
        <source>Wrong password. Try again.</source>
        <translation type="vanished">Falsches Passwort. Versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>QrLabel</name>
    <message>
        <location filename="../../desktop_app/ui/qr_view.py" line="+23"/>
        <source>QR code</source>
        <translation>QR-Code</translation>
    </message>
</context>
<context>
    <name>QuickCopyWindow</name>
    <message>
        <location filename="../../desktop_app/ui/quick_copy.py" line="+63"/>
        <source>Copy a code</source>
        <translation>Code kopieren</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Type to find an account, Enter copies</source>
        <translation>Tippen, um ein Konto zu finden; Eingabe kopiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search accounts</source>
        <translation>Konten durchsuchen</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Matching accounts</source>
        <translation>Passende Konten</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No account matches.</source>
        <translation>Kein Konto passt.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Authenticator is locked. Enter the password to unlock.</source>
        <translation>Authenticator ist gesperrt. Geben Sie das Passwort zum Entsperren ein.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Unlocking…</source>
        <translation>Wird entsperrt…</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>Authenticator</source>
        <translation>Authenticator</translation>
    </message>
</context>
<context>
    <name>RecentlyDeletedDialog</name>
    <message>
        <location filename="../../desktop_app/ui/recently_deleted.py" line="+50"/>
        <source>Recently Deleted</source>
        <translation>Zuletzt gelöscht</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A deleted account can be restored for 30 days, on every computer that keeps the accounts in step.</source>
        <translation>Ein gelöschtes Konto kann 30 Tage lang wiederhergestellt werden, auf jedem Computer, der die Konten abgleicht.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Deleted accounts</source>
        <translation>Gelöschte Konten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>On</source>
        <translation>Auf</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No deleted accounts to restore.</source>
        <translation>Keine gelöschten Konten zum Wiederherstellen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Restore</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bring the selected account back into the list.</source>
        <translation>Das ausgewählte Konto zurück in die Liste holen.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>this computer</source>
        <translation>dieser Computer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(no name)</source>
        <translation>(ohne Namen)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Nothing was restored: {error}</source>
        <translation>Nichts wurde wiederhergestellt: {error}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Restored {label}.</source>
        <translation>{label} wiederhergestellt.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the account</source>
        <translation>das Konto</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../../desktop_app/ui/emnify/recovery_dialog.py" line="+29"/>
        <source>Lost phone: another user&apos;s sign-in</source>
        <translation>Telefon verloren: Anmeldung eines anderen Benutzers</translation>
    </message>
    <message>
        <source>The user&apos;s e-mail address</source>
        <translation type="vanished">Die E-Mail-Adresse des Benutzers</translation>
    </message>
    <message>
        <source>colleague@example.com</source>
        <translation type="vanished">name@example.com</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Two-factor keys and trusted devices</source>
        <translation>Zwei-Faktor-Schlüssel und vertrauenswürdige Geräte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove…</source>
        <translation>Entfernen…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>No two-factor keys and no trusted devices.</source>
        <translation>Keine Zwei-Faktor-Schlüssel und keine vertrauenswürdigen Geräte.</translation>
    </message>
</context>
<context>
    <name>ScanWindow</name>
    <message>
        <location filename="../../desktop_app/ui/scan_window.py" line="-25"/>
        <source>No camera was found. Connect a camera and reopen this window, or read the QR code another way:</source>
        <translation>Es wurde keine Kamera gefunden. Schließen Sie eine Kamera an und öffnen Sie dieses Fenster erneut, oder lesen Sie den QR-Code auf andere Weise:</translation>
    </message>
    <message>
        <location line="+115"/>
        <source>Scan QR Code with Camera</source>
        <translation>QR-Code mit Kamera scannen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan QR code with camera</source>
        <translation>QR-Code mit Kamera scannen</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Camera</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the camera to scan with</source>
        <translation>Die Kamera zum Scannen wählen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Camera:</source>
        <translation>&amp;Kamera:</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+142"/>
        <source>Starting the camera…</source>
        <translation>Kamera wird gestartet …</translation>
    </message>
    <message>
        <location line="-141"/>
        <source>Scan status</source>
        <translation>Scanstatus</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export progress</source>
        <translation>Exportfortschritt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Open QR Image…</source>
        <translation>QR-Bild öffnen …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the QR code from a saved picture or screenshot.</source>
        <translation>Den QR-Code aus einem gespeicherten Bild oder Bildschirmfoto lesen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Paste QR Image or Link</source>
        <translation>QR-Bild oder Link einfügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read a QR image or an otpauth:// link from the clipboard.</source>
        <translation>Ein QR-Bild oder einen otpauth://-Link aus der Zwischenablage lesen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Scan QR Code on Screen</source>
        <translation>QR-Code auf dem Bildschirm scannen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find the QR code shown on your screen, for example on a website.</source>
        <translation>Den QR-Code finden, den Ihr Bildschirm zeigt, zum Beispiel auf einer Website.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Choose a camera…</source>
        <translation>Kamera wählen …</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+123"/>
        <source>No picture</source>
        <translation>Kein Bild</translation>
    </message>
    <message>
        <location line="-81"/>
        <source>No camera found</source>
        <translation>Keine Kamera gefunden</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+75"/>
        <source>No camera</source>
        <translation>Keine Kamera</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>Reading the video…</source>
        <translation>Video wird gelesen …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Starting…</source>
        <translation>Wird gestartet …</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>{camera}: hold the QR code in front of the camera.</source>
        <translation>{camera}: Halten Sie den QR-Code vor die Kamera.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The video has ended</source>
        <translation>Das Video ist zu Ende</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The video has ended without an authenticator key. Choose another source or close this window.</source>
        <translation>Das Video ist zu Ende, ohne dass ein Authenticator-Schlüssel gefunden wurde. Wählen Sie eine andere Quelle oder schließen Sie dieses Fenster.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Camera access denied</source>
        <translation>Kamerazugriff verweigert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Camera busy</source>
        <translation>Kamera belegt</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Google Authenticator export: {progress}</source>
        <translation>Google-Authenticator-Export: {progress}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Now show code {missing} of the export.</source>
        <translation>Zeigen Sie jetzt Code {missing} des Exports.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Found 1 account.</source>
        <translation>1 Konto gefunden.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Found {n} accounts.</source>
        <translation>{n} Konten gefunden.</translation>
    </message>
</context>
<context>
    <name>ScreenScan</name>
    <message>
        <source>Save the QR code as an image and open it with “Open Image…”, or copy the QR code image to the clipboard and use “Paste”.</source>
        <translation type="vanished">Speichern Sie den QR-Code als Bild und öffnen Sie es mit „QR-Bild öffnen …“, oder kopieren Sie das Bild des QR-Codes in die Zwischenablage und verwenden Sie „QR-Bild oder Link einfügen“.</translation>
    </message>
    <message>
        <location filename="../../build/translations/ui_wrapped_messages.py" line="+4"/>
        <source>Save the QR code as an image and open it with “Open QR Image…”, or copy the QR code image to the clipboard and use “Paste QR Image or Link”.</source>
        <translation>Speichern Sie den QR-Code als Bild und öffnen Sie es mit „QR-Bild öffnen …“, oder kopieren Sie das Bild des QR-Codes in die Zwischenablage und verwenden Sie „QR-Bild oder Link einfügen“.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No QR code was found on the screen. Make sure the whole code is visible and not too small, then try again.</source>
        <translation>Auf dem Bildschirm wurde kein QR-Code gefunden. Achten Sie darauf, dass der ganze Code sichtbar und nicht zu klein ist, und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The screen cannot be captured in this Wayland session: no screenshot service (xdg-desktop-portal) answered.</source>
        <translation>In dieser Wayland-Sitzung kann der Bildschirm nicht aufgenommen werden: Kein Bildschirmfoto-Dienst (xdg-desktop-portal) hat geantwortet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The screenshot from the desktop could not be read.</source>
        <translation>Das Bildschirmfoto des Desktops konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The screen could not be scanned.</source>
        <translation>Der Bildschirm konnte nicht gescannt werden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The screen cannot be captured from this sandbox: no screenshot service (xdg-desktop-portal) answered.</source>
        <translation>Aus dieser Sandbox kann der Bildschirm nicht aufgenommen werden: Kein Bildschirmfoto-Dienst (xdg-desktop-portal) hat geantwortet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The screen scan was cancelled.</source>
        <translation>Der Bildschirmscan wurde abgebrochen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The screen capture came back empty: allow screen recording for this app in System Settings → Privacy &amp; Security → Screen Recording, then try again.</source>
        <translation>Die Bildschirmaufnahme ist leer: Erlauben Sie dieser App die Bildschirmaufnahme unter Systemeinstellungen → Datenschutz &amp; Sicherheit → Bildschirmaufnahme, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The screen capture came back empty, so the screen cannot be scanned here.</source>
        <translation>Die Bildschirmaufnahme ist leer, daher kann der Bildschirm hier nicht gescannt werden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the desktop did not take the screenshot</source>
        <translation>der Desktop hat kein Bildschirmfoto aufgenommen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The screen could not be captured ({detail}).</source>
        <translation>Der Bildschirm konnte nicht aufgenommen werden ({detail}).</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../desktop_app/settings.py" line="+162"/>
        <source>Clear copied codes after (seconds)</source>
        <extracomment>the largest settings file read (the app writes about 1 KB)</extracomment>
        <translation>Kopierte Codes löschen nach (Sekunden)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A copied code is removed from the clipboard after this many seconds, if the clipboard still holds it. 0 keeps it.</source>
        <translation>Ein kopierter Code wird nach so vielen Sekunden aus der Zwischenablage entfernt, falls sie ihn noch enthält. 0 behält ihn.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Sort accounts</source>
        <translation>Konten sortieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show accounts by name or in your own order (drag to arrange).</source>
        <translation>Konten nach Name oder in Ihrer eigenen Reihenfolge zeigen (zum Anordnen ziehen).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Custom order</source>
        <translation>Eigene Reihenfolge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By name</source>
        <translation>Nach Name</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Always show the next code</source>
        <translation>Nächsten Code immer zeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the code of the next time step beside the current one.</source>
        <translation>Den Code des nächsten Zeitschritts neben dem aktuellen zeigen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Hide codes until clicked</source>
        <translation>Codes bis zum Anklicken verbergen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Codes are shown as dots until the row is selected.</source>
        <translation>Codes erscheinen als Punkte, bis die Zeile ausgewählt ist.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Appearance</source>
        <translation>Erscheinungsbild</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow the system&apos;s light or dark palette, or force one.</source>
        <translation>Der hellen oder dunklen Palette des Systems folgen oder eine festlegen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+32"/>
        <source>Follow the system</source>
        <translation>Dem System folgen</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Show an icon in the system tray</source>
        <translation>Symbol im Systemabschnitt der Kontrollleiste zeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep running in the tray when the window is closed.</source>
        <translation>Nach dem Schließen des Fensters in der Kontrollleiste weiterlaufen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Quick-copy shortcut</source>
        <translation>Tastenkürzel für Schnellkopie</translation>
    </message>
    <message>
        <source>Opens the quick-copy window from any program (X11). Empty: no shortcut.</source>
        <translation type="vanished">Öffnet das Schnellkopie-Fenster aus jedem Programm (X11). Leer: kein Tastenkürzel.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow the system&apos;s language, or choose one. Applies at the next start.</source>
        <translation>Der Sprache des Systems folgen oder eine wählen. Gilt ab dem nächsten Start.</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Lock after idle minutes</source>
        <translation>Sperren nach Minuten ohne Eingabe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With a vault password, lock the window after this many idle minutes. Off (0) never locks.</source>
        <translation>Mit Tresor-Passwort das Fenster nach so vielen Minuten ohne Eingabe sperren. Aus (0) sperrt nie.</translation>
    </message>
    <message>
        <source>With a vault password, lock the window after this many idle minutes. 0 never locks.</source>
        <translation type="vanished">Mit einem Tresorpasswort das Fenster nach so vielen Minuten ohne Eingabe sperren. 0 sperrt nie.</translation>
    </message>
    <message>
        <location line="-65"/>
        <source>Opens the quick-copy window from any program (on Wayland the desktop asks to confirm the key). Empty: no shortcut.</source>
        <translation>Öffnet das Schnellkopie-Fenster aus jedem Programm (unter Wayland fragt der Desktop nach einer Bestätigung der Taste). Leer: kein Tastenkürzel.</translation>
    </message>
    <message>
        <location line="+69"/>
        <location line="+123"/>
        <source>Security</source>
        <translation>Sicherheit</translation>
    </message>
    <message>
        <location line="-115"/>
        <source>Automatic encrypted backups</source>
        <translation>Automatische verschlüsselte Sicherungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After each change, write an encrypted backup (Aegis format) to the backup folder.</source>
        <translation>Nach jeder Änderung eine verschlüsselte Sicherung (Aegis-Format) in den Sicherungsordner schreiben.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+8"/>
        <location line="+11"/>
        <location line="+92"/>
        <source>Backups</source>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <location line="-105"/>
        <source>Backup folder</source>
        <translation>Sicherungsordner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where automatic backups are written.</source>
        <translation>Wohin automatische Sicherungen geschrieben werden.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Backups to keep</source>
        <translation>Aufzubewahrende Sicherungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The newest backups kept in the backup folder; older ones are deleted.</source>
        <translation>Die neuesten Sicherungen, die im Sicherungsordner bleiben; ältere werden gelöscht.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Time server</source>
        <translation>Zeitserver</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The SNTP server asked when the clock is checked (host or host:port).</source>
        <translation>Der SNTP-Server, der beim Prüfen der Uhr gefragt wird (Host oder Host:Port).</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+10"/>
        <location line="+71"/>
        <source>Clock</source>
        <translation>Uhr</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>Check the clock once a day</source>
        <translation>Die Uhr einmal täglich prüfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Once a day, ask the time server how far this computer&apos;s clock is off.</source>
        <translation>Einmal am Tag den Zeitserver fragen, wie weit die Uhr dieses Computers abweicht.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Portal address</source>
        <translation>Portaladresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The emnify portal API address.</source>
        <translation>Die Adresse der emnify-Portal-API.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+9"/>
        <location line="+36"/>
        <source>emnify account</source>
        <translation>emnify-Konto</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>E-mail address</source>
        <translation>E-Mail-Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The e-mail address of the emnify account last signed in.</source>
        <translation>Die E-Mail-Adresse des zuletzt angemeldeten emnify-Kontos.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>General</source>
        <extracomment>every setting, in the order the pane shows them</extracomment>
        <translation>Allgemein</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/icon_packs_page.py" line="-132"/>
        <source>Icon packs</source>
        <extracomment>the Settings section (its label translated in the &quot;Settings&quot; context, as the others)</extracomment>
        <translation>Symbolpakete</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="+71"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Settings sections</source>
        <translation>Bereiche der Einstellungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the page of settings to show.</source>
        <translation>Die Seite der Einstellungen wählen, die gezeigt wird.</translation>
    </message>
    <message>
        <location line="+120"/>
        <source>The emnify account settings are not available in this build.</source>
        <translation>Die Einstellungen des emnify-Kontos sind in dieser Version nicht verfügbar.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The emnify account settings could not be shown.</source>
        <translation>Die Einstellungen des emnify-Kontos konnten nicht gezeigt werden.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Choose a folder</source>
        <translation>Ordner wählen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose…</source>
        <translation>Wählen …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the folder in a file dialog.</source>
        <translation>Den Ordner in einem Dateidialog wählen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the {setting}</source>
        <translation>{setting} wählen</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Vault protection</source>
        <translation>Schutz des Tresors</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Use a Password…</source>
        <translation>Passwort verwenden …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Protect the vault with a password asked at each start instead of the keyring.</source>
        <translation>Den Tresor statt mit dem Schlüsselbund mit einem Passwort schützen, das bei jedem Start abgefragt wird.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Change Password…</source>
        <translation>Passwort ändern …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a new vault password.</source>
        <translation>Ein neues Tresorpasswort wählen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+129"/>
        <source>Use the System Keyring</source>
        <translation>Schlüsselbund des Systems verwenden</translation>
    </message>
    <message>
        <location line="-127"/>
        <source>Keep the vault key in the system keyring; no password is asked at start.</source>
        <translation>Den Tresorschlüssel im Schlüsselbund des Systems ablegen; beim Start wird kein Passwort abgefragt.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Your accounts are encrypted with a password that you enter when the app starts. You can lock the window with Ctrl+L.</source>
        <translation>Ihre Konten sind mit einem Passwort verschlüsselt, das Sie beim Start der App eingeben. Mit Strg+L sperren Sie das Fenster.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your accounts are encrypted; the key is kept in the system keyring, which your desktop unlocks when you sign in.</source>
        <translation>Ihre Konten sind verschlüsselt; der Schlüssel liegt im Schlüsselbund des Systems, den Ihr Desktop bei der Anmeldung entsperrt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The vault is locked.</source>
        <translation>Der Tresor ist gesperrt.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No system keyring was found on this computer.</source>
        <translation>Auf diesem Computer wurde kein Schlüsselbund des Systems gefunden.</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation type="vanished">Fortfahren</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Deriving the key from the password…</source>
        <translation>Schlüssel wird aus dem Passwort abgeleitet…</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+49"/>
        <source>Nothing changed: {error}</source>
        <translation>Nichts wurde geändert: {error}</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>The vault is now protected by your password.</source>
        <translation>Der Tresor ist jetzt durch Ihr Passwort geschützt.</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation type="vanished">Das aktuelle Passwort ist falsch.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The password was changed.</source>
        <translation>Das Passwort wurde geändert.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Use the system keyring?</source>
        <translation>Schlüsselbund des Systems verwenden?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The vault key will be kept in the system keyring and no password will be asked when the app starts.</source>
        <translation>Der Tresorschlüssel wird im Schlüsselbund des Systems abgelegt, und beim Start der App wird kein Passwort abgefragt.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The vault key is now kept in the system keyring.</source>
        <translation>Der Tresorschlüssel liegt jetzt im Schlüsselbund des Systems.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../desktop_app/ui/shortcuts_dialog.py" line="+48"/>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy the selected code</source>
        <translation>Den ausgewählten Code kopieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Enter</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go from the search to the list</source>
        <translation>Von der Suche zur Liste wechseln</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Down</source>
        <translation>Pfeil nach unten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show or hide a secret in the add dialog</source>
        <translation>Ein Geheimnis im Dialog „Konto hinzufügen“ zeigen oder verbergen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every keyboard shortcut of the main window: the action and its keys.</source>
        <translation>Alle Tastenkürzel des Hauptfensters: die Aktion und ihre Tasten.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Every action also sits in a menu: press Alt to reach them.</source>
        <translation>Jede Aktion steht auch in einem Menü: Mit Alt erreichen Sie sie.</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>%n account(s) arrived from another computer</source>
        <translation type="vanished">Von einem anderen Computer angekommene Konten: %n</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sync_page.py" line="+410"/>
        <source>1 account arrived from another computer</source>
        <translation>1 Konto kam von einem anderen Computer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} accounts arrived from another computer</source>
        <translation>{n} Konten kamen von einem anderen Computer</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Keep my accounts in step through a folder</source>
        <translation>Meine Konten über einen Ordner abgleichen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pick a folder that Syncthing, Nextcloud, Dropbox or a network share keeps in step between your computers. The accounts are stored there encrypted; each computer merges the others&apos; changes, so nothing is lost.</source>
        <translation>Wählen Sie einen Ordner, den Syncthing, Nextcloud, Dropbox oder eine Netzwerkfreigabe zwischen Ihren Computern abgleicht. Die Konten liegen dort verschlüsselt; jeder Computer führt die Änderungen der anderen zusammen, sodass nichts verloren geht.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sync folder</source>
        <translation>Sync-Ordner</translation>
    </message>
    <message>
        <source>No folder chosen</source>
        <translation type="vanished">Kein Ordner gewählt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The folder the accounts are synced in.</source>
        <translation>Der Ordner, über den die Konten abgeglichen werden.</translation>
    </message>
    <message>
        <source>Choose Folder…</source>
        <translation type="vanished">Ordner wählen…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pick the folder your sync program keeps in step.</source>
        <translation>Wählen Sie den Ordner, den Ihr Sync-Programm abgleicht.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Password of the synced vault</source>
        <translation>Passwort des abgeglichenen Tresors</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>The password other computers type once to join.</source>
        <translation>Das Passwort, das andere Computer einmal zum Beitreten eingeben.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+2"/>
        <source>The password again</source>
        <translation>Das Passwort noch einmal</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Type the same password again.</source>
        <translation>Geben Sie dasselbe Passwort noch einmal ein.</translation>
    </message>
    <message>
        <location line="-37"/>
        <location line="+73"/>
        <source>Keep in Step</source>
        <translation>Abgleichen</translation>
    </message>
    <message>
        <location line="-72"/>
        <source>Start keeping the accounts in step through the chosen folder.</source>
        <translation>Die Konten ab jetzt über den gewählten Ordner abgleichen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sync Now</source>
        <translation>Jetzt abgleichen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merge what the folder holds now, and write the result back.</source>
        <translation>Den Inhalt des Ordners jetzt zusammenführen und das Ergebnis zurückschreiben.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stop Syncing</source>
        <translation>Abgleich beenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop syncing on this computer; its accounts stay here.</source>
        <translation>Abgleich auf diesem Computer beenden; seine Konten bleiben hier.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>This folder already holds your accounts from another computer. Type their password once; from then on this computer opens them without it.</source>
        <translation>Dieser Ordner enthält bereits Ihre Konten von einem anderen Computer. Geben Sie deren Passwort einmal ein; danach öffnet dieser Computer sie ohne.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Join</source>
        <translation>Beitreten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose a password for the synced accounts. Your keyring stays on this computer, so the other computers need this password once.</source>
        <translation>Wählen Sie ein Passwort für die abgeglichenen Konten. Ihr Schlüsselbund bleibt auf diesem Computer, daher brauchen die anderen Computer dieses Passwort einmal.</translation>
    </message>
    <message>
        <location line="-89"/>
        <source>Sync Folder</source>
        <translation>Sync-Ordner</translation>
    </message>
    <message>
        <source>Something went wrong ({kind}); see the log.</source>
        <translation type="vanished">Etwas ist schiefgegangen ({kind}); siehe Protokoll.</translation>
    </message>
    <message>
        <location line="+121"/>
        <source>Type the password first.</source>
        <translation>Geben Sie zuerst das Passwort ein.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The two passwords differ.</source>
        <translation>Die beiden Passwörter sind verschieden.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Joining… (opening the synced accounts with the password)</source>
        <translation>Beitreten… (die abgeglichenen Konten werden mit dem Passwort geöffnet)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Moving your accounts to the folder…</source>
        <translation>Ihre Konten werden in den Ordner verschoben…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Your accounts are now kept in step through this folder.</source>
        <translation>Ihre Konten werden jetzt über diesen Ordner abgeglichen.</translation>
    </message>
    <message>
        <source>Nothing changed: {error}</source>
        <translation type="vanished">Nichts geändert: {error}</translation>
    </message>
    <message>
        <source>{n} account(s) arrived from another computer</source>
        <translation type="vanished">Von einem anderen Computer angekommene Konten: {n}</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Joined: {n} accounts are in step with your other computers.</source>
        <translation>Beigetreten: {n} Konten sind mit Ihren anderen Computern abgeglichen.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Merging what the folder holds…</source>
        <translation>Der Inhalt des Ordners wird zusammengeführt…</translation>
    </message>
    <message>
        <source>{n} accounts arrived from another computer.</source>
        <translation type="vanished">{n} Konten kamen von einem anderen Computer.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>In step.</source>
        <translation>Abgeglichen.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>This computer no longer syncs; its accounts stay here.</source>
        <translation>Dieser Computer gleicht nicht mehr ab; seine Konten bleiben hier.</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <location line="-307"/>
        <source>Not synced</source>
        <extracomment>a save of the vault wants the folder written (emitted in the thread that saved) a change was noticed while a merge (or Settings&apos; work) ran: merged after it a save&apos;s folder write is due (set in the saving thread; cleared when a write starts)</extracomment>
        <translation>Nicht abgeglichen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In step</source>
        <translation>Abgeglichen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>last change from {device} {ago}</source>
        <translation>letzte Änderung von {device} {ago}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>1 account changed on both computers: the newer edit was kept, the older one is in the account&apos;s history</source>
        <translation>1 Konto wurde auf beiden Computern geändert: Die neuere Änderung wurde behalten, die ältere steht im Verlauf des Kontos</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{n} accounts changed on both computers: the newer edits were kept, the older ones are in the account&apos;s history</source>
        <translation>{n} Konten wurden auf beiden Computern geändert: Die neueren Änderungen wurden behalten, die älteren stehen im Verlauf der Konten</translation>
    </message>
    <message>
        <source>{n} account(s) changed on both computers: the newer edits were kept, the older ones are in the account&apos;s history</source>
        <translation type="vanished">Auf beiden Computern geänderte Konten: {n}; die neueren Änderungen wurden behalten, die älteren stehen im Verlauf des Kontos</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{n} file(s) of another vault in the folder: import them?</source>
        <translation>Dateien eines anderen Tresors im Ordner: {n} – importieren?</translation>
    </message>
    <message>
        <source>%n account(s) changed on both computers: the newer edits were kept, the older ones are in the account&apos;s history</source>
        <translation type="vanished">Auf beiden Computern geänderte Konten: %n; die neueren Änderungen wurden behalten, die älteren stehen im Verlauf des Kontos</translation>
    </message>
    <message>
        <source>%n file(s) of another vault in the folder: import them?</source>
        <translation type="vanished">Dateien eines anderen Tresors im Ordner: %n – importieren?</translation>
    </message>
</context>
<context>
    <name>SyncStatusLine</name>
    <message>
        <location line="+17"/>
        <source>Sync status</source>
        <translation>Sync-Status</translation>
    </message>
</context>
<context>
    <name>Time</name>
    <message>
        <location filename="../../desktop_app/ui/i18n.py" line="+136"/>
        <source>just now</source>
        <extracomment>dates and times where the system names no locale (C, POSIX): ISO 8601, which no reader takes for another day (&quot;7 12 2026&quot; or &quot;12/7/26&quot; could be either)</extracomment>
        <translation>gerade eben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} min ago</source>
        <translation>vor {n} Min.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} h ago</source>
        <translation>vor {n} Std.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} day(s) ago</source>
        <translation>vor {n} Tag(en)</translation>
    </message>
    <message>
        <source>%n min ago</source>
        <translation type="vanished">vor %n Min.</translation>
    </message>
    <message>
        <source>%n h ago</source>
        <translation type="vanished">vor %n Std.</translation>
    </message>
    <message>
        <source>%n day(s) ago</source>
        <translation type="vanished">vor %n Tag(en)</translation>
    </message>
</context>
<context>
    <name>Toast</name>
    <message>
        <location filename="../../desktop_app/ui/controllers/pages.py" line="-254"/>
        <source>Notice</source>
        <translation>Hinweis</translation>
    </message>
</context>
<context>
    <name>TokensDialog</name>
    <message>
        <location filename="../../desktop_app/ui/emnify/tokens_dialog.py" line="+37"/>
        <location line="+13"/>
        <source>Application tokens</source>
        <translation>Anwendungs-Tokens</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Application tokens sign in scripts, apps and single sign-on users (who have no password) without a password.</source>
        <translation>Anwendungs-Tokens melden Skripte, Apps und Single-Sign-on-Benutzer (die kein Passwort haben) ohne Passwort an.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Description of the new token</source>
        <translation>Beschreibung des neuen Tokens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>what the new token is for</source>
        <translation>wofür das neue Token ist</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create token</source>
        <translation>Token erstellen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Revoke…</source>
        <translation>Widerrufen…</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The new token (shown once)</source>
        <translation>Das neue Token (nur einmal gezeigt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Use as this app&apos;s sign-in</source>
        <translation>Als Anmeldung dieser App verwenden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Signs this app in with the new token (kept in memory only, not after exit).</source>
        <translation>Meldet diese App mit dem neuen Token an (nur im Arbeitsspeicher, nicht nach dem Beenden).</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Expires on</source>
        <translation>Läuft ab am</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Expiry date of the new token</source>
        <translation>Ablaufdatum des neuen Tokens</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Expiry:</source>
        <translation>Ablauf:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Addresses the new token may sign in from</source>
        <translation>Adressen, von denen sich das neue Token anmelden darf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>any address (or a range such as 203.0.113.0/24)</source>
        <translation>jede Adresse (oder ein Bereich wie 203.0.113.0/24)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only from:</source>
        <translation>Nur von:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Copied.</source>
        <translation>Kopiert.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>revoked</source>
        <translation>widerrufen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(no description)</source>
        <translation>(keine Beschreibung)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>never</source>
        <translation>nie</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../../desktop_app/ui/tray.py" line="+26"/>
        <source>&amp;Search Accounts…</source>
        <translation>Konten &amp;durchsuchen …</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quick Copy…</source>
        <translation>Schnell&amp;kopie …</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Copy a code</source>
        <translation>Code kopieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unnamed account</source>
        <translation>Unbenanntes Konto</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Copy the current code of {label}</source>
        <translation>Den aktuellen Code von {label} kopieren</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Authenticator</source>
        <translation>Authenticator</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Show Authenticator</source>
        <translation>Authenticator zeigen</translation>
    </message>
</context>
<context>
    <name>WindowPort</name>
    <message>
        <location filename="../../desktop_app/ui/controllers/port.py" line="+6"/>
        <source>Not available</source>
        <translation>Nicht verfügbar</translation>
    </message>
</context>
<context>
    <name>field</name>
    <message>
        <source>Icon:</source>
        <translation type="vanished">Symbol:</translation>
    </message>
</context>
<context>
    <name>pane</name>
    <message>
        <source>Portal address</source>
        <translation type="obsolete">Portaladresse</translation>
    </message>
    <message>
        <source>E-mail address</source>
        <translation type="obsolete">E-Mail-Adresse</translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="obsolete">Passwort</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation type="obsolete">Passwort:</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>Choose an Icon</source>
        <translation type="vanished">Symbol auswählen</translation>
    </message>
    <message>
        <source>Pictures (*.svg *.png *.jpg *.jpeg)</source>
        <translation type="vanished">Bilder (*.svg *.png *.jpg *.jpeg)</translation>
    </message>
</context>
</TS>
