<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>Core</name>
    <message>
        <source>{name} is too large (more than {mb} MB).</source>
        <translation>{name} ist zu groß (mehr als {mb} MB).</translation>
    </message>
    <message>
        <source>{path}: no such file.</source>
        <translation>{path}: Diese Datei gibt es nicht.</translation>
    </message>
    <message>
        <source>{path} is a folder, not a {kind}.</source>
        <translation>{path} ist ein Ordner, keine Datei.</translation>
    </message>
    <message>
        <source>{path}: permission denied.</source>
        <translation>{path}: Zugriff verweigert.</translation>
    </message>
    <message>
        <source>{path} is not a regular file (a device, pipe or socket), so it is not read.</source>
        <translation>{path} ist keine gewöhnliche Datei (ein Gerät, eine Pipe oder ein Socket) und wird nicht gelesen.</translation>
    </message>
    <message>
        <source>pack.json is not an icon pack: {what} is wrong.</source>
        <translation>pack.json ist kein Symbolpaket: {what} ist falsch.</translation>
    </message>
    <message>
        <source>pack.json is not an icon pack: it holds no object.</source>
        <translation>pack.json ist kein Symbolpaket: Es enthält kein Objekt.</translation>
    </message>
    <message>
        <source>pack.json is not an icon pack: version is wrong.</source>
        <translation>pack.json ist kein Symbolpaket: Die Version ist falsch.</translation>
    </message>
    <message>
        <source>pack.json is not an icon pack: icons is not a list of at most {n}.</source>
        <translation>pack.json ist kein Symbolpaket: „icons“ ist keine Liste mit höchstens {n} Einträgen.</translation>
    </message>
    <message>
        <source>{name} in the pack is a link, a folder or encrypted.</source>
        <translation>{name} im Paket ist ein Link, ein Ordner oder verschlüsselt.</translation>
    </message>
    <message>
        <source>it is not a JPEG picture</source>
        <translation>es ist kein JPEG-Bild</translation>
    </message>
    <message>
        <source>{name} is not an SVG, PNG or JPEG file.</source>
        <translation>{name} ist keine SVG-, PNG- oder JPEG-Datei.</translation>
    </message>
    <message>
        <source>The pack is larger than {mb} MB.</source>
        <translation>Das Paket ist größer als {mb} MB.</translation>
    </message>
    <message>
        <source>No icon pack with the uuid {uuid} is installed.</source>
        <translation>Es ist kein Symbolpaket mit der UUID {uuid} installiert.</translation>
    </message>
    <message>
        <source>pack.json is not UTF-8 text.</source>
        <translation>pack.json ist kein UTF-8-Text.</translation>
    </message>
    <message>
        <source>pack.json is not valid JSON (line {line}: {msg}).</source>
        <translation>pack.json ist kein gültiges JSON (Zeile {line}: {msg}).</translation>
    </message>
    <message>
        <source>pack.json is not an icon pack: uuid is wrong.</source>
        <translation>pack.json ist kein Symbolpaket: Die UUID ist falsch.</translation>
    </message>
    <message>
        <source>pack.json is not an icon pack: an icon is not an object.</source>
        <translation>pack.json ist kein Symbolpaket: Ein Symbol ist kein Objekt.</translation>
    </message>
    <message>
        <source>The pack names a file outside itself: {name}.</source>
        <translation>Das Paket verweist auf eine Datei außerhalb des Pakets: {name}.</translation>
    </message>
    <message>
        <source>pack.json is not an icon pack: issuer of {name} is wrong.</source>
        <translation>pack.json ist kein Symbolpaket: Der Anbieter von {name} ist falsch.</translation>
    </message>
    <message>
        <source>pack.json names {name}, which is not in the pack.</source>
        <translation>pack.json nennt {name}, das nicht im Paket enthalten ist.</translation>
    </message>
    <message>
        <source>{name} in the pack is damaged ({error}).</source>
        <translation>{name} im Paket ist beschädigt ({error}).</translation>
    </message>
    <message>
        <source>it is larger than {kb} KB</source>
        <translation>es ist größer als {kb} KB</translation>
    </message>
    <message>
        <source>it is not a PNG picture</source>
        <translation>es ist kein PNG-Bild</translation>
    </message>
    <message>
        <source>it is {w}×{h} pixels, more than {m}×{m}</source>
        <translation>es hat {w}×{h} Pixel, mehr als {m}×{m}</translation>
    </message>
    <message>
        <source>{name} cannot be used as an icon: {reason}.</source>
        <translation>{name} kann nicht als Symbol verwendet werden: {reason}.</translation>
    </message>
    <message>
        <source>This is not an icon pack: an Aegis icon pack is a .zip file with a pack.json.</source>
        <translation>Dies ist kein Symbolpaket: Ein Aegis-Symbolpaket ist eine .zip-Datei mit einer pack.json.</translation>
    </message>
    <message>
        <source>The pack holds more than {n} files.</source>
        <translation>Das Paket enthält mehr als {n} Dateien.</translation>
    </message>
    <message>
        <source>This zip file has no pack.json: it is not an Aegis icon pack.</source>
        <translation>Diese ZIP-Datei hat keine pack.json: Sie ist kein Aegis-Symbolpaket.</translation>
    </message>
    <message>
        <source>{name} in the pack is not an SVG, PNG or JPEG file.</source>
        <translation>{name} im Paket ist keine SVG-, PNG- oder JPEG-Datei.</translation>
    </message>
    <message>
        <source>{name} version {version} is already installed.</source>
        <translation>{name} Version {version} ist bereits installiert.</translation>
    </message>
    <message>
        <source>A newer version ({version}) of {name} is already installed.</source>
        <translation>Eine neuere Version ({version}) von {name} ist bereits installiert.</translation>
    </message>
    <message>
        <source>The pack cannot be kept in {folder}: {error}.</source>
        <translation>Das Paket kann nicht in {folder} gespeichert werden: {error}.</translation>
    </message>
    <message>
        <source>{name} in the pack is larger than {kb} KB once unpacked.</source>
        <translation>{name} im Paket ist entpackt größer als {kb} KB.</translation>
    </message>
    <message>
        <source>The pack unpacks to more than {mb} MB.</source>
        <translation>Das Paket ist entpackt größer als {mb} MB.</translation>
    </message>
    <message>
        <source>{name} in the pack was refused: {reason}.</source>
        <translation>{name} im Paket wurde abgelehnt: {reason}.</translation>
    </message>
    <message>
        <source>{name} cannot be removed: {error}.</source>
        <translation>{name} kann nicht entfernt werden: {error}.</translation>
    </message>
    <message>
        <source>it links to something outside the picture</source>
        <translation>es verweist auf etwas außerhalb des Bildes</translation>
    </message>
    <message>
        <source>its style sheet imports or runs something</source>
        <translation>sein Stylesheet lädt oder startet etwas</translation>
    </message>
    <message>
        <source>it is too deeply nested or too large</source>
        <translation>es ist zu tief verschachtelt oder zu groß</translation>
    </message>
    <message>
        <source>it holds a &lt;{element}&gt; element</source>
        <translation>es enthält ein &lt;{element}&gt;-Element</translation>
    </message>
    <message>
        <source>it is not written in UTF-8</source>
        <translation>es ist nicht in UTF-8 geschrieben</translation>
    </message>
    <message>
        <source>it declares XML entities</source>
        <translation>es deklariert XML-Entitäten</translation>
    </message>
    <message>
        <source>it is not an SVG picture</source>
        <translation>es ist kein SVG-Bild</translation>
    </message>
    <message>
        <source>it holds a script (an {name} attribute)</source>
        <translation>es enthält ein Skript (ein {name}-Attribut)</translation>
    </message>
    <message>
        <source>it is not a well-formed SVG file</source>
        <translation>es ist keine wohlgeformte SVG-Datei</translation>
    </message>
    <message>
        <source>it repeats a part that repeats another</source>
        <translation>es wiederholt einen Teil, der einen anderen wiederholt</translation>
    </message>
    <message>
        <source>Unknown import format {name!r}; known formats: {known}.</source>
        <translation>Unbekanntes Importformat {name!r}; bekannte Formate: {known}.</translation>
    </message>
    <message>
        <source>The file&apos;s format is not recognised{kind}. The app reads text files of otpauth:// links, pictures of QR codes, and the backups of: {apps}.</source>
        <translation>Das Format der Datei wurde nicht erkannt{kind}. Die App liest Textdateien mit otpauth://-Links, Bilder von QR-Codes und die Sicherungen von: {apps}.</translation>
    </message>
    <message>
        <source> (it is an SQLite database, but not one of a known app)</source>
        <translation> (sie ist eine SQLite-Datenbank, aber nicht die einer bekannten App)</translation>
    </message>
    <message>
        <source> (it is a Java-serialised file, but not a FreeOTP backup)</source>
        <translation> (sie ist eine Java-serialisierte Datei, aber keine FreeOTP-Sicherung)</translation>
    </message>
    <message>
        <source> (it is an Android settings file, but holds no known app&apos;s accounts)</source>
        <translation> (sie ist eine Android-Einstellungsdatei, enthält aber keine Konten einer bekannten App)</translation>
    </message>
    <message>
        <source> (it is a zip archive without an Accounts.txt or a database inside)</source>
        <translation> (sie ist ein ZIP-Archiv ohne Accounts.txt oder Datenbank darin)</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>Die Datei ist leer.</translation>
    </message>
    <message>
        <source>The file is not valid JSON (it is truncated or damaged), so its format cannot be recognised.</source>
        <translation>Die Datei ist kein gültiges JSON (sie ist abgeschnitten oder beschädigt), daher kann ihr Format nicht erkannt werden.</translation>
    </message>
    <message>
        <source>The file is too large to be a backup of authenticator accounts.</source>
        <translation>Die Datei ist zu groß für eine Sicherung von Authenticator-Konten.</translation>
    </message>
    <message>
        <source>{name} is too large to be a backup.</source>
        <translation>{name} ist zu groß für eine Sicherung.</translation>
    </message>
    <message>
        <source>The file is too complex to be read: {why}.</source>
        <translation>Die Datei ist zu komplex, um gelesen zu werden: {why}.</translation>
    </message>
    <message>
        <source>The {label} file is too complex to be read.</source>
        <translation>Die Datei „{label}“ ist zu komplex, um gelesen zu werden.</translation>
    </message>
    <message>
        <source>The {label} file is malformed and cannot be read ({kind}).</source>
        <translation>Die Datei „{label}“ ist fehlerhaft aufgebaut und kann nicht gelesen werden ({kind}).</translation>
    </message>
    <message>
        <source>The file is too complex to be read (nested too deeply, or too large).</source>
        <translation>Die Datei ist zu komplex, um gelesen zu werden (zu tief verschachtelt oder zu groß).</translation>
    </message>
    <message>
        <source>Aegis vault</source>
        <translation>Aegis-Tresor</translation>
    </message>
    <message>
        <source>andOTP backup</source>
        <translation>andOTP-Sicherung</translation>
    </message>
    <message>
        <source>Authenticator Plus backup</source>
        <translation>Authenticator-Plus-Sicherung</translation>
    </message>
    <message>
        <source>Authy token file</source>
        <translation>Authy-Token-Datei</translation>
    </message>
    <message>
        <source>The {label} has computed columns in its {table} table, which the app never writes: the file is not genuine, so it is not read.</source>
        <translation>„{label}“ hat berechnete Spalten in der Tabelle {table}, die die App nie schreibt: Die Datei ist nicht echt und wird nicht gelesen.</translation>
    </message>
    <message>
        <source>it holds more than {count:,} values</source>
        <translation>sie enthält mehr als {count:,} Werte</translation>
    </message>
    <message>
        <source>The password kept for the Aegis backups no longer opens them (was it changed on the phone?): give the new one once, in Settings → Sync or with `sync follow-aegis {folder}`. Nothing was read since.</source>
        <translation>Das gespeicherte Passwort öffnet die Aegis-Sicherungen nicht mehr (wurde es auf dem Telefon geändert?): Geben Sie das neue einmal an, unter Einstellungen → Synchronisierung oder mit `sync follow-aegis {folder}`. Seitdem wurde nichts gelesen.</translation>
    </message>
    <message>
        <source>The phone&apos;s Aegis backups are encrypted now: give their password once, in Settings → Sync or with `sync follow-aegis {folder}`. Nothing was read since.</source>
        <translation>Die Aegis-Sicherungen des Telefons sind jetzt verschlüsselt: Geben Sie ihr Passwort einmal an, unter Einstellungen → Synchronisierung oder mit `sync follow-aegis {folder}`. Seitdem wurde nichts gelesen.</translation>
    </message>
    <message>
        <source>The folder does not exist: {folder}.</source>
        <translation>Der Ordner existiert nicht: {folder}.</translation>
    </message>
    <message>
        <source>No Aegis backup folder is followed.</source>
        <translation>Es wird kein Aegis-Sicherungsordner überwacht.</translation>
    </message>
    <message>
        <source>The followed Aegis folder is not reachable: {folder}.</source>
        <translation>Der überwachte Aegis-Ordner ist nicht erreichbar: {folder}.</translation>
    </message>
    <message>
        <source>The newest Aegis backup holds no accounts (the one before held {n}); it was not applied. If the phone&apos;s accounts are really gone, delete them here.</source>
        <translation>Die neueste Aegis-Sicherung enthält keine Konten (die vorherige enthielt {n}); sie wurde nicht übernommen. Wenn die Konten auf dem Telefon wirklich gelöscht sind, löschen Sie sie hier.</translation>
    </message>
    <message>
        <source>The Aegis folder settings are damaged; follow it again.</source>
        <translation>Die Einstellungen des Aegis-Ordners sind beschädigt; richten Sie die Überwachung erneut ein.</translation>
    </message>
    <message>
        <source>The newest file in the folder is not an Aegis backup.</source>
        <translation>Die neueste Datei im Ordner ist keine Aegis-Sicherung.</translation>
    </message>
    <message>
        <source>The Aegis backup is encrypted: its password is needed (follow the folder again).</source>
        <translation>Die Aegis-Sicherung ist verschlüsselt: Ihr Passwort wird benötigt (richten Sie die Überwachung des Ordners erneut ein).</translation>
    </message>
    <message>
        <source>Wrong password for the Aegis backup; nothing was changed.</source>
        <translation>Falsches Passwort für die Aegis-Sicherung; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The Aegis backup cannot be read: {reason}. Nothing was changed.</source>
        <translation>Die Aegis-Sicherung kann nicht gelesen werden: {reason}. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The Aegis backup is too large to be a backup.</source>
        <translation>Die Aegis-Sicherung ist zu groß, um eine Sicherung zu sein.</translation>
    </message>
    <message>
        <source>The Aegis backup cannot be read: {reason}.</source>
        <translation>Die Aegis-Sicherung kann nicht gelesen werden: {reason}.</translation>
    </message>
    <message>
        <source>The backups&apos; password needs the OS keyring, and none works.</source>
        <translation>Das Sicherungspasswort braucht den Schlüsselbund des Systems, aber keiner funktioniert.</translation>
    </message>
    <message>
        <source>This {label} file is encrypted: its password is needed.</source>
        <translation>Diese Datei („{label}“) ist verschlüsselt: Ihr Passwort wird benötigt.</translation>
    </message>
    <message>
        <source>more than {count:,} values</source>
        <translation>mehr als {count:,} Werte</translation>
    </message>
    <message>
        <source>it is nested too deeply</source>
        <translation>sie ist zu tief verschachtelt</translation>
    </message>
    <message>
        <source>The file is damaged: {what} is missing or not text.</source>
        <translation>Die Datei ist beschädigt: {what} fehlt oder ist kein Text.</translation>
    </message>
    <message>
        <source>The file is damaged: {what} is missing or not an object.</source>
        <translation>Die Datei ist beschädigt: {what} fehlt oder ist kein Objekt.</translation>
    </message>
    <message>
        <source>The file is damaged: {what} is missing or not a list.</source>
        <translation>Die Datei ist beschädigt: {what} fehlt oder ist keine Liste.</translation>
    </message>
    <message>
        <source>The file holds too many items in {what}.</source>
        <translation>Die Datei enthält zu viele Einträge in {what}.</translation>
    </message>
    <message>
        <source>The {label} has key-derivation parameters outside what its app writes (far too much work, or invalid): the file is damaged or not genuine, so it is not opened.</source>
        <translation>„{label}“ hat Parameter der Schlüsselableitung außerhalb dessen, was ihre App schreibt (viel zu viel Rechenaufwand oder ungültig): Die Datei ist beschädigt oder nicht echt und wird nicht geöffnet.</translation>
    </message>
    <message>
        <source>The {label} has no {table} table: it is not such a file.</source>
        <translation>„{label}“ hat keine Tabelle {table}: Es ist keine solche Datei.</translation>
    </message>
    <message>
        <source>The {label} has none of the expected columns in {table}.</source>
        <translation>„{label}“ hat keine der erwarteten Spalten in {table}.</translation>
    </message>
    <message>
        <source>The {label} holds too many accounts.</source>
        <translation>„{label}“ enthält zu viele Konten.</translation>
    </message>
    <message>
        <source>nested too deeply</source>
        <translation>zu tief verschachtelt</translation>
    </message>
    <message>
        <source>The {label} file is not UTF-8 text; it may be damaged.</source>
        <translation>Die Datei „{label}“ ist kein UTF-8-Text; sie ist vielleicht beschädigt.</translation>
    </message>
    <message>
        <source>The {label} file is too complex to be read ({why}).</source>
        <translation>Die Datei „{label}“ ist zu komplex, um gelesen zu werden ({why}).</translation>
    </message>
    <message>
        <source> (line {line})</source>
        <translation> (Zeile {line})</translation>
    </message>
    <message>
        <source>The {label} file is not valid JSON{where}: it is truncated or damaged.</source>
        <translation>Die Datei „{label}“ ist kein gültiges JSON{where}: Sie ist abgeschnitten oder beschädigt.</translation>
    </message>
    <message>
        <source>The file is damaged: {what} is not valid Base64.</source>
        <translation>Die Datei ist beschädigt: {what} ist kein gültiges Base64.</translation>
    </message>
    <message>
        <source>The file is damaged: {what} is not valid hex.</source>
        <translation>Die Datei ist beschädigt: {what} ist kein gültiges Hex.</translation>
    </message>
    <message>
        <source>The file holds more than {count:,} settings, far more than any authenticator app writes: it is not read.</source>
        <translation>Die Datei enthält mehr als {count:,} Einstellungen, weit mehr als jede Authenticator-App schreibt: Sie wird nicht gelesen.</translation>
    </message>
    <message>
        <source>The file starts like an SQLite database but cannot be opened: it is damaged or truncated.</source>
        <translation>Die Datei beginnt wie eine SQLite-Datenbank, lässt sich aber nicht öffnen: Sie ist beschädigt oder abgeschnitten.</translation>
    </message>
    <message>
        <source>The {label} is damaged: its {table} table cannot be read.</source>
        <translation>„{label}“ ist beschädigt: Die Tabelle {table} kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Battle.net Authenticator file</source>
        <translation>Battle.net-Authenticator-Datei</translation>
    </message>
    <message>
        <source>The backup password must not be empty.</source>
        <translation>Das Sicherungspasswort darf nicht leer sein.</translation>
    </message>
    <message>
        <source>No backup folder is chosen.</source>
        <translation>Es ist kein Sicherungsordner gewählt.</translation>
    </message>
    <message>
        <source>No backup password is set.</source>
        <translation>Es ist kein Sicherungspasswort festgelegt.</translation>
    </message>
    <message>
        <source>The backup folder is not writable.</source>
        <translation>In den Sicherungsordner kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Automatic backups need a backup folder: choose one in Settings → Backups.</source>
        <translation>Automatische Sicherungen brauchen einen Sicherungsordner: Wählen Sie einen unter Einstellungen → Sicherungen.</translation>
    </message>
    <message>
        <source>Automatic backups need a backup password: set one in Settings → Backups.</source>
        <translation>Automatische Sicherungen brauchen ein Sicherungspasswort: Legen Sie eines unter Einstellungen → Sicherungen fest.</translation>
    </message>
    <message>
        <source>The backup cannot be written to {folder}: {reason}.</source>
        <translation>Die Sicherung kann nicht in {folder} geschrieben werden: {reason}.</translation>
    </message>
    <message>
        <source>Bitwarden export</source>
        <translation>Bitwarden-Export</translation>
    </message>
    <message>
        <source>Bitwarden CSV export</source>
        <translation>Bitwarden-CSV-Export</translation>
    </message>
    <message>
        <source>Google Authenticator database</source>
        <translation>Google-Authenticator-Datenbank</translation>
    </message>
    <message>
        <source>Microsoft Authenticator database</source>
        <translation>Microsoft-Authenticator-Datenbank</translation>
    </message>
    <message>
        <source>Duo Mobile account file</source>
        <translation>Duo-Mobile-Kontodatei</translation>
    </message>
    <message>
        <source>ente Auth export</source>
        <translation>ente-Auth-Export</translation>
    </message>
    <message>
        <source>FreeOTP+ export</source>
        <translation>FreeOTP+-Export</translation>
    </message>
    <message>
        <source>FreeOTP token file (tokens.xml)</source>
        <translation>FreeOTP-Token-Datei (tokens.xml)</translation>
    </message>
    <message>
        <source>FreeOTP backup</source>
        <translation>FreeOTP-Sicherung</translation>
    </message>
    <message>
        <source>Image with QR codes</source>
        <translation>Bild mit QR-Codes</translation>
    </message>
    <message>
        <source>No QR code was found in the image.</source>
        <translation>Im Bild wurde kein QR-Code gefunden.</translation>
    </message>
    <message>
        <source>KeePassXC CSV export</source>
        <translation>KeePassXC-CSV-Export</translation>
    </message>
    <message>
        <source>Proton Authenticator export</source>
        <translation>Proton-Authenticator-Export</translation>
    </message>
    <message>
        <source>This is not a {label} (not a JSON object).</source>
        <translation>Dies ist kein {label} (kein JSON-Objekt).</translation>
    </message>
    <message>
        <source>This is not a {label} (not a JSON list).</source>
        <translation>Dies ist kein {label} (keine JSON-Liste).</translation>
    </message>
    <message>
        <source>Steam Guard file</source>
        <translation>Steam-Guard-Datei</translation>
    </message>
    <message>
        <source>Stratum / Authenticator Pro backup</source>
        <translation>Stratum-/Authenticator-Pro-Sicherung</translation>
    </message>
    <message>
        <source>Text file of otpauth:// links</source>
        <translation>Textdatei mit otpauth://-Links</translation>
    </message>
    <message>
        <source>Google Authenticator export</source>
        <translation>Google-Authenticator-Export</translation>
    </message>
    <message>
        <source>The {label} is not UTF-8 text; it may be damaged.</source>
        <translation>„{label}“ ist kein UTF-8-Text; sie ist vielleicht beschädigt.</translation>
    </message>
    <message>
        <source>The {label} holds no otpauth:// or otpauth-migration:// links.</source>
        <translation>„{label}“ enthält keine otpauth://- oder otpauth-migration://-Links.</translation>
    </message>
    <message>
        <source>TOTP Authenticator backup</source>
        <translation>TOTP-Authenticator-Sicherung</translation>
    </message>
    <message>
        <source>2FAS backup</source>
        <translation>2FAS-Sicherung</translation>
    </message>
    <message>
        <source>The file holds {count:,} accounts; at most {cap:,} are imported at once. Split it into smaller files.</source>
        <translation>Die Datei enthält {count:,} Konten; höchstens {cap:,} werden auf einmal importiert. Teilen Sie sie in kleinere Dateien auf.</translation>
    </message>
    <message>
        <source>The file holds {count:,} lines; at most {cap:,} accounts are imported at once. Split it into smaller files.</source>
        <translation>Die Datei enthält {count:,} Zeilen; höchstens {cap:,} Konten werden auf einmal importiert. Teilen Sie sie in kleinere Dateien auf.</translation>
    </message>
</context>
</TS>
