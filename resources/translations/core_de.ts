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
        <source>The time server address is not valid.</source>
        <translation>Die Adresse des Zeitservers ist ungültig.</translation>
    </message>
    <message>
        <source>The time server sent an answer that is not a valid time reply ({why}).</source>
        <translation>Der Zeitserver hat eine Antwort gesendet, die keine gültige Zeitantwort ist ({why}).</translation>
    </message>
    <message>
        <source>{n} bytes</source>
        <translation>{n} Bytes</translation>
    </message>
    <message>
        <source>mode {n}</source>
        <translation>Modus {n}</translation>
    </message>
    <message>
        <source>version {n}</source>
        <translation>Version {n}</translation>
    </message>
    <message>
        <source>the server refused: kiss-o&apos;-death</source>
        <translation>der Server hat abgelehnt: Kiss-o&apos;-Death</translation>
    </message>
    <message>
        <source>stratum {n}</source>
        <translation>Stratum {n}</translation>
    </message>
    <message>
        <source>The time server is not synchronised itself.</source>
        <translation>Der Zeitserver ist selbst nicht synchronisiert.</translation>
    </message>
    <message>
        <source>it does not answer this request</source>
        <translation>sie beantwortet diese Anfrage nicht</translation>
    </message>
    <message>
        <source>no transmit time</source>
        <translation>keine Sendezeit</translation>
    </message>
    <message>
        <source>{server} sent an answer that is not a valid time reply ({why}).</source>
        <translation>{server} hat eine Antwort gesendet, die keine gültige Zeitantwort ist ({why}).</translation>
    </message>
    <message>
        <source>{server} is not synchronised itself.</source>
        <translation>{server} ist selbst nicht synchronisiert.</translation>
    </message>
    <message>
        <source>The time server {server} could not be found.</source>
        <translation>Der Zeitserver {server} wurde nicht gefunden.</translation>
    </message>
    <message>
        <source>The time server {server} did not answer within {seconds:g} s.</source>
        <translation>Der Zeitserver {server} hat nicht innerhalb von {seconds:g} s geantwortet.</translation>
    </message>
    <message>
        <source>The time server {server} could not be reached: {reason}.</source>
        <translation>Der Zeitserver {server} ist nicht erreichbar: {reason}.</translation>
    </message>
    <message>
        <source>The backup failed ({error}).</source>
        <translation>Die Sicherung ist fehlgeschlagen ({error}).</translation>
    </message>
    <message>
        <source>An encrypted export needs a password.</source>
        <translation>Ein verschlüsselter Export braucht ein Passwort.</translation>
    </message>
    <message>
        <source>{path} is a folder; give a file name.</source>
        <translation>{path} ist ein Ordner; geben Sie einen Dateinamen an.</translation>
    </message>
    <message>
        <source>The export cannot be written to {path}: {error}.</source>
        <translation>Der Export kann nicht nach {path} geschrieben werden: {error}.</translation>
    </message>
    <message>
        <source>Unknown export format {name}; known: {known}.</source>
        <translation>Unbekanntes Exportformat {name}; bekannt sind: {known}.</translation>
    </message>
    <message>
        <source>The {format} export is several files, not one.</source>
        <translation>Der Export „{format}“ besteht aus mehreren Dateien, nicht aus einer.</translation>
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
        <source>the Aegis key slots</source>
        <translation>Aegis-Schlüsselplätze</translation>
    </message>
    <message>
        <source>the Aegis encryption parameters</source>
        <translation>Aegis-Verschlüsselungsparameter</translation>
    </message>
    <message>
        <source>the Aegis entry list</source>
        <translation>Aegis-Eintragsliste</translation>
    </message>
    <message>
        <source>The Aegis vault&apos;s key-derivation parameters are invalid.</source>
        <translation>Die Parameter der Schlüsselableitung des Aegis-Tresors sind ungültig.</translation>
    </message>
    <message>
        <source>This is not an Aegis vault file (no header and db).</source>
        <translation>Dies ist keine Aegis-Tresordatei (kein „header“ und „db“).</translation>
    </message>
    <message>
        <source>This Aegis vault has version {version}; this app reads version {known}.</source>
        <translation>Dieser Aegis-Tresor hat die Version {version}; diese App liest Version {known}.</translation>
    </message>
    <message>
        <source>the Aegis header</source>
        <translation>Aegis-Kopfbereich</translation>
    </message>
    <message>
        <source>This Aegis vault has no password slot (only biometric or raw keys): export it from Aegis with a password.</source>
        <translation>Dieser Aegis-Tresor hat keinen Passwort-Schlüsselplatz (nur biometrische oder reine Schlüssel): Exportieren Sie ihn aus Aegis mit einem Passwort.</translation>
    </message>
    <message>
        <source>a key slot&apos;s parameters</source>
        <translation>Parameter eines Schlüsselplatzes</translation>
    </message>
    <message>
        <source>Wrong password for this Aegis vault.</source>
        <translation>Falsches Passwort für diesen Aegis-Tresor.</translation>
    </message>
    <message>
        <source>the content nonce</source>
        <translation>Nonce des Inhalts</translation>
    </message>
    <message>
        <source>the encrypted content</source>
        <translation>verschlüsselter Inhalt</translation>
    </message>
    <message>
        <source>the content tag</source>
        <translation>Tag des Inhalts</translation>
    </message>
    <message>
        <source>The Aegis vault is damaged: the password is right but the content does not decrypt (the file is truncated or altered).</source>
        <translation>Der Aegis-Tresor ist beschädigt: Das Passwort ist richtig, aber der Inhalt lässt sich nicht entschlüsseln (die Datei ist abgeschnitten oder verändert).</translation>
    </message>
    <message>
        <source>The file is damaged: a key slot&apos;s {field} is not a number.</source>
        <translation>Die Datei ist beschädigt: Das Feld „{field}“ eines Schlüsselplatzes ist keine Zahl.</translation>
    </message>
    <message>
        <source>The Aegis vault content has version {version}; this app reads versions 1 to 3.</source>
        <translation>Der Inhalt des Aegis-Tresors hat die Version {version}; diese App liest die Versionen 1 bis 3.</translation>
    </message>
    <message>
        <source>the Aegis group list</source>
        <translation>Aegis-Gruppenliste</translation>
    </message>
    <message>
        <source>the Aegis content</source>
        <translation>Aegis-Inhalt</translation>
    </message>
    <message>
        <source>a slot&apos;s salt</source>
        <translation>Salt eines Schlüsselplatzes</translation>
    </message>
    <message>
        <source>a slot&apos;s nonce</source>
        <translation>Nonce eines Schlüsselplatzes</translation>
    </message>
    <message>
        <source>a slot&apos;s key</source>
        <translation>Schlüssel eines Schlüsselplatzes</translation>
    </message>
    <message>
        <source>a slot&apos;s tag</source>
        <translation>Tag eines Schlüsselplatzes</translation>
    </message>
    <message>
        <source>andOTP backup</source>
        <translation>andOTP-Sicherung</translation>
    </message>
    <message>
        <source>Wrong password for this andOTP backup, or the file is damaged.</source>
        <translation>Falsches Passwort für diese andOTP-Sicherung, oder die Datei ist beschädigt.</translation>
    </message>
    <message>
        <source>the andOTP entry list</source>
        <translation>andOTP-Eintragsliste</translation>
    </message>
    <message>
        <source>The andOTP backup is truncated.</source>
        <translation>Die andOTP-Sicherung ist abgeschnitten.</translation>
    </message>
    <message>
        <source>Authenticator Plus backup</source>
        <translation>Authenticator-Plus-Sicherung</translation>
    </message>
    <message>
        <source>The {label} (zip) is damaged: its AES header is missing.</source>
        <translation>Die Datei „{label}“ (ZIP) ist beschädigt: Ihr AES-Kopf fehlt.</translation>
    </message>
    <message>
        <source>The {label} (zip) holds a file too large to be read.</source>
        <translation>Die Datei „{label}“ (ZIP) enthält eine Datei, die zu groß zum Lesen ist.</translation>
    </message>
    <message>
        <source>The {label} (zip) is damaged.</source>
        <translation>Die Datei „{label}“ (ZIP) ist beschädigt.</translation>
    </message>
    <message>
        <source>The {label} (zip) is truncated.</source>
        <translation>Die Datei „{label}“ (ZIP) ist abgeschnitten.</translation>
    </message>
    <message>
        <source>Wrong password for this {label} (zip).</source>
        <translation>Falsches Passwort für diese Datei („{label}“, ZIP).</translation>
    </message>
    <message>
        <source>Wrong password for this {label} (zip), or it is damaged.</source>
        <translation>Falsches Passwort für diese Datei („{label}“, ZIP), oder sie ist beschädigt.</translation>
    </message>
    <message>
        <source>The {label} (zip) uses an unknown compression method.</source>
        <translation>Die Datei „{label}“ (ZIP) verwendet eine unbekannte Komprimierungsmethode.</translation>
    </message>
    <message>
        <source>Reading Authenticator Plus backups needs SQLCipher (the sqlcipher3-wheels package), which is not installed.</source>
        <translation>Zum Lesen von Authenticator-Plus-Sicherungen wird SQLCipher (das Paket sqlcipher3-wheels) benötigt, das nicht installiert ist.</translation>
    </message>
    <message>
        <source>The {label} (zip) is damaged and cannot be read.</source>
        <translation>Die Datei „{label}“ (ZIP) ist beschädigt und kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Wrong password for this Authenticator Plus backup (or the file is damaged, or it is an encrypted file of another app).</source>
        <translation>Falsches Passwort für diese Authenticator-Plus-Sicherung (oder die Datei ist beschädigt, oder sie ist eine verschlüsselte Datei einer anderen App).</translation>
    </message>
    <message>
        <source>The {label} opens but has no readable {table} table: it is not an Authenticator Plus database, or it is damaged.</source>
        <translation>„{label}“ lässt sich öffnen, hat aber keine lesbare Tabelle {table}: Es ist keine Authenticator-Plus-Datenbank, oder sie ist beschädigt.</translation>
    </message>
    <message>
        <source>Authy token file</source>
        <translation>Authy-Token-Datei</translation>
    </message>
    <message>
        <source>the Authy token list</source>
        <translation>Authy-Tokenliste</translation>
    </message>
    <message>
        <source>The Authy file is damaged: a token&apos;s salt is missing.</source>
        <translation>Die Authy-Datei ist beschädigt: Das Salt eines Tokens fehlt.</translation>
    </message>
    <message>
        <source>This is not an Authy token file.</source>
        <translation>Dies ist keine Authy-Token-Datei.</translation>
    </message>
    <message>
        <source>Wrong backup password for these Authy tokens.</source>
        <translation>Falsches Sicherungspasswort für diese Authy-Tokens.</translation>
    </message>
    <message>
        <source>This Battle.net file holds no authenticator secret.</source>
        <translation>Diese Battle.net-Datei enthält keinen geheimen Authenticator-Schlüssel.</translation>
    </message>
    <message>
        <source>the data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>the Bitwarden item list</source>
        <translation>Bitwarden-Eintragsliste</translation>
    </message>
    <message>
        <source>The Bitwarden export is damaged: its salt is missing.</source>
        <translation>Der Bitwarden-Export ist beschädigt: Sein Salt fehlt.</translation>
    </message>
    <message>
        <source>The Bitwarden export is damaged: {what} is not readable.</source>
        <translation>Der Bitwarden-Export ist beschädigt: „{what}“ ist nicht lesbar.</translation>
    </message>
    <message>
        <source>the key check</source>
        <translation>Schlüsselprüfung</translation>
    </message>
    <message>
        <source>Wrong file password for this Bitwarden export.</source>
        <translation>Falsches Dateipasswort für diesen Bitwarden-Export.</translation>
    </message>
    <message>
        <source>The Bitwarden export is damaged: the password is right but the data does not decrypt.</source>
        <translation>Der Bitwarden-Export ist beschädigt: Das Passwort ist richtig, aber die Daten lassen sich nicht entschlüsseln.</translation>
    </message>
    <message>
        <source>This Bitwarden export is encrypted with the Bitwarden account&apos;s key, which only Bitwarden can open. In Bitwarden, export the vault again as .json (or as .json (Encrypted) with a file password), import that file, then delete it.</source>
        <translation>Dieser Bitwarden-Export ist mit dem Schlüssel des Bitwarden-Kontos verschlüsselt, den nur Bitwarden öffnen kann. Exportieren Sie den Tresor in Bitwarden erneut als .json (oder als .json (Encrypted) mit einem Dateipasswort), importieren Sie diese Datei und löschen Sie sie danach.</translation>
    </message>
    <message>
        <source>The Bitwarden export is damaged: its key parameters are bad.</source>
        <translation>Der Bitwarden-Export ist beschädigt: Seine Schlüsselparameter sind fehlerhaft.</translation>
    </message>
    <message>
        <source>This Bitwarden export uses key derivation type {kdf}, which this app does not know.</source>
        <translation>Dieser Bitwarden-Export verwendet den Schlüsselableitungstyp {kdf}, den diese App nicht kennt.</translation>
    </message>
    <message>
        <source>The Bitwarden export is damaged: {what} is not Base64.</source>
        <translation>Der Bitwarden-Export ist beschädigt: „{what}“ ist kein Base64.</translation>
    </message>
    <message>
        <source>The CSV file is damaged (unbalanced quotes).</source>
        <translation>Die CSV-Datei ist beschädigt (unausgeglichene Anführungszeichen).</translation>
    </message>
    <message>
        <source>This is not a Bitwarden CSV export (no login_totp column).</source>
        <translation>Dies ist kein Bitwarden-CSV-Export (keine Spalte login_totp).</translation>
    </message>
    <message>
        <source>The decrypted Bitwarden export is not a JSON object.</source>
        <translation>Der entschlüsselte Bitwarden-Export ist kein JSON-Objekt.</translation>
    </message>
    <message>
        <source>The CSV file has too many rows.</source>
        <translation>Die CSV-Datei hat zu viele Zeilen.</translation>
    </message>
    <message>
        <source>Entry {n}</source>
        <translation>Eintrag {n}</translation>
    </message>
    <message>
        <source>Account {n}</source>
        <translation>Konto {n}</translation>
    </message>
    <message>
        <source>Token {n}</source>
        <translation>Token {n}</translation>
    </message>
    <message>
        <source>Steam account {n}</source>
        <translation>Steam-Konto {n}</translation>
    </message>
    <message>
        <source>Authenticator {n}</source>
        <translation>Authenticator {n}</translation>
    </message>
    <message>
        <source>Service {n}</source>
        <translation>Dienst {n}</translation>
    </message>
    <message>
        <source>Item {n}</source>
        <translation>Eintrag {n}</translation>
    </message>
    <message>
        <source>the Duo account list</source>
        <translation>Duo-Kontoliste</translation>
    </message>
    <message>
        <source>the ente key parameters</source>
        <translation>ente-Schlüsselparameter</translation>
    </message>
    <message>
        <source>the salt</source>
        <translation>Salt</translation>
    </message>
    <message>
        <source>the nonce</source>
        <translation>Nonce</translation>
    </message>
    <message>
        <source>the encrypted data</source>
        <translation>verschlüsselte Daten</translation>
    </message>
    <message>
        <source>This encrypted ente Auth export has version {version}; this app reads version 1.</source>
        <translation>Dieser verschlüsselte ente-Auth-Export hat die Version {version}; diese App liest Version 1.</translation>
    </message>
    <message>
        <source>The ente export is damaged: its salt or nonce has a wrong size.</source>
        <translation>Der ente-Export ist beschädigt: Sein Salt oder seine Nonce hat eine falsche Größe.</translation>
    </message>
    <message>
        <source>The ente export is truncated.</source>
        <translation>Der ente-Export ist abgeschnitten.</translation>
    </message>
    <message>
        <source>The ente export is damaged: its key parameters are not numbers.</source>
        <translation>Der ente-Export ist beschädigt: Seine Schlüsselparameter sind keine Zahlen.</translation>
    </message>
    <message>
        <source>Wrong password for this ente Auth export (or the file is damaged).</source>
        <translation>Falsches Passwort für diesen ente-Auth-Export (oder die Datei ist beschädigt).</translation>
    </message>
    <message>
        <source>the FreeOTP+ token list</source>
        <translation>FreeOTP+-Tokenliste</translation>
    </message>
    <message>
        <source>The FreeOTP backup is damaged: a key&apos;s cipher settings are wrong.</source>
        <translation>Die FreeOTP-Sicherung ist beschädigt: Die Verschlüsselungseinstellungen eines Schlüssels sind falsch.</translation>
    </message>
    <message>
        <source>a key&apos;s ciphertext</source>
        <translation>Geheimtext eines Schlüssels</translation>
    </message>
    <message>
        <source>This Java-serialised file is not a FreeOTP backup.</source>
        <translation>Diese Java-serialisierte Datei ist keine FreeOTP-Sicherung.</translation>
    </message>
    <message>
        <source>This Java-serialised file holds a {java_class}, not a FreeOTP backup.</source>
        <translation>Diese Java-serialisierte Datei enthält ein {java_class}-Objekt, keine FreeOTP-Sicherung.</translation>
    </message>
    <message>
        <source>The FreeOTP backup&apos;s map has an unexpected layout.</source>
        <translation>Die Zuordnungstabelle der FreeOTP-Sicherung hat einen unerwarteten Aufbau.</translation>
    </message>
    <message>
        <source>The FreeOTP backup holds too many items.</source>
        <translation>Die FreeOTP-Sicherung enthält zu viele Einträge.</translation>
    </message>
    <message>
        <source>The FreeOTP backup is damaged: {what} is not a byte list.</source>
        <translation>Die FreeOTP-Sicherung ist beschädigt: „{what}“ ist keine Byte-Liste.</translation>
    </message>
    <message>
        <source>The FreeOTP backup is damaged: a key is not an object.</source>
        <translation>Die FreeOTP-Sicherung ist beschädigt: Ein Schlüssel ist kein Objekt.</translation>
    </message>
    <message>
        <source>The FreeOTP backup uses an unknown cipher {cipher}.</source>
        <translation>Die FreeOTP-Sicherung verwendet eine unbekannte Verschlüsselung {cipher}.</translation>
    </message>
    <message>
        <source>a key&apos;s parameters</source>
        <translation>Parameter eines Schlüssels</translation>
    </message>
    <message>
        <source>The FreeOTP backup uses an unsupported tag length.</source>
        <translation>Die FreeOTP-Sicherung verwendet eine nicht unterstützte Tag-Länge.</translation>
    </message>
    <message>
        <source>This is not a FreeOTP tokens.xml file (no tokenOrder).</source>
        <translation>Dies ist keine FreeOTP-Datei tokens.xml (kein tokenOrder).</translation>
    </message>
    <message>
        <source>The FreeOTP backup is truncated.</source>
        <translation>Die FreeOTP-Sicherung ist abgeschnitten.</translation>
    </message>
    <message>
        <source>This FreeOTP backup has no master key; it is damaged.</source>
        <translation>Diese FreeOTP-Sicherung hat keinen Hauptschlüssel; sie ist beschädigt.</translation>
    </message>
    <message>
        <source>The FreeOTP backup is damaged: its master key is not JSON.</source>
        <translation>Die FreeOTP-Sicherung ist beschädigt: Ihr Hauptschlüssel ist kein JSON.</translation>
    </message>
    <message>
        <source>This FreeOTP backup uses {algorithm}, which this app does not know.</source>
        <translation>Diese FreeOTP-Sicherung verwendet {algorithm}, das diese App nicht kennt.</translation>
    </message>
    <message>
        <source>The FreeOTP backup is damaged: bad iteration count.</source>
        <translation>Die FreeOTP-Sicherung ist beschädigt: fehlerhafte Anzahl der Iterationen.</translation>
    </message>
    <message>
        <source>Wrong password for this FreeOTP backup.</source>
        <translation>Falsches Passwort für diese FreeOTP-Sicherung.</translation>
    </message>
    <message>
        <source>The FreeOTP backup is damaged: a text is not valid.</source>
        <translation>Die FreeOTP-Sicherung ist beschädigt: Ein Text ist ungültig.</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>The FreeOTP backup holds something other than text.</source>
        <translation>Die FreeOTP-Sicherung enthält etwas anderes als Text.</translation>
    </message>
    <message>
        <source>The FreeOTP backup is damaged (bad reference).</source>
        <translation>Die FreeOTP-Sicherung ist beschädigt (fehlerhafter Verweis).</translation>
    </message>
    <message>
        <source>This is not a KeePassXC CSV export (no TOTP column).</source>
        <translation>Dies ist kein KeePassXC-CSV-Export (keine TOTP-Spalte).</translation>
    </message>
    <message>
        <source>the Proton entry list</source>
        <translation>Proton-Eintragsliste</translation>
    </message>
    <message>
        <source>This Proton Authenticator export has version {version}; this app reads version 1.</source>
        <translation>Dieser Proton-Authenticator-Export hat die Version {version}; diese App liest Version 1.</translation>
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
        <source>This is Steam Desktop Authenticator&apos;s manifest.json, which holds no keys. Import the account&apos;s .maFile instead (if SDA encrypts them, turn encryption off in SDA first).</source>
        <translation>Dies ist die manifest.json von Steam Desktop Authenticator, die keine Schlüssel enthält. Importieren Sie stattdessen die .maFile des Kontos (wenn SDA sie verschlüsselt, schalten Sie die Verschlüsselung in SDA zuerst aus).</translation>
    </message>
    <message>
        <source>This is not a Steam Guard file (no shared_secret).</source>
        <translation>Dies ist keine Steam-Guard-Datei (kein shared_secret).</translation>
    </message>
    <message>
        <source>the Stratum authenticator list</source>
        <translation>Stratum-Authenticator-Liste</translation>
    </message>
    <message>
        <source>The Stratum backup (old format) is truncated.</source>
        <translation>Die Stratum-Sicherung (altes Format) ist abgeschnitten.</translation>
    </message>
    <message>
        <source>Wrong password for this Stratum backup (or the file is damaged).</source>
        <translation>Falsches Passwort für diese Stratum-Sicherung (oder die Datei ist beschädigt).</translation>
    </message>
    <message>
        <source>This is not a Stratum backup (no Authenticators list).</source>
        <translation>Dies ist keine Stratum-Sicherung (keine Liste „Authenticators“).</translation>
    </message>
    <message>
        <source>The Stratum backup is truncated.</source>
        <translation>Die Stratum-Sicherung ist abgeschnitten.</translation>
    </message>
    <message>
        <source>The TOTP Authenticator file is damaged: {key} is not JSON.</source>
        <translation>Die TOTP-Authenticator-Datei ist beschädigt: {key} ist kein JSON.</translation>
    </message>
    <message>
        <source>The TOTP Authenticator file holds too many entries.</source>
        <translation>Die TOTP-Authenticator-Datei enthält zu viele Einträge.</translation>
    </message>
    <message>
        <source>This is not a TOTP Authenticator file.</source>
        <translation>Dies ist keine TOTP-Authenticator-Datei.</translation>
    </message>
    <message>
        <source>Wrong password for this TOTP Authenticator backup (or the file is damaged, or it is another app&apos;s Base64 file, such as an encrypted Steam Desktop Authenticator .maFile: turn encryption off in SDA first).</source>
        <translation>Falsches Passwort für diese TOTP-Authenticator-Sicherung (oder die Datei ist beschädigt, oder sie ist eine Base64-Datei einer anderen App, etwa eine verschlüsselte .maFile von Steam Desktop Authenticator: Schalten Sie die Verschlüsselung in SDA zuerst aus).</translation>
    </message>
    <message>
        <source>the encrypted services</source>
        <translation>verschlüsselte Dienste</translation>
    </message>
    <message>
        <source>the IV</source>
        <translation>IV</translation>
    </message>
    <message>
        <source>the 2FAS service list</source>
        <translation>2FAS-Dienstliste</translation>
    </message>
    <message>
        <source>The 2FAS backup is damaged: its encrypted part does not have three fields.</source>
        <translation>Die 2FAS-Sicherung ist beschädigt: Ihr verschlüsselter Teil hat nicht drei Felder.</translation>
    </message>
    <message>
        <source>The 2FAS backup is damaged: its encrypted part is truncated.</source>
        <translation>Die 2FAS-Sicherung ist beschädigt: Ihr verschlüsselter Teil ist abgeschnitten.</translation>
    </message>
    <message>
        <source>The 2FAS backup&apos;s schema version is invalid.</source>
        <translation>Die Schemaversion der 2FAS-Sicherung ist ungültig.</translation>
    </message>
    <message>
        <source>This 2FAS backup has schema version {version}; this app reads versions 1 to {newest}.</source>
        <translation>Diese 2FAS-Sicherung hat die Schemaversion {version}; diese App liest die Versionen 1 bis {newest}.</translation>
    </message>
    <message>
        <source>Wrong password for this 2FAS backup (or the file is damaged).</source>
        <translation>Falsches Passwort für diese 2FAS-Sicherung (oder die Datei ist beschädigt).</translation>
    </message>
    <message>
        <source>{scanned} of {size} scanned</source>
        <translation>{scanned} von {size} gescannt</translation>
    </message>
    <message>
        <source>This code holds a {scheme}: link, not an authenticator key.</source>
        <translation>Dieser Code enthält einen {scheme}:-Link, keinen Authenticator-Schlüssel.</translation>
    </message>
    <message>
        <source>This code holds another kind of link, not an authenticator key.</source>
        <translation>Dieser Code enthält eine andere Art von Link, keinen Authenticator-Schlüssel.</translation>
    </message>
    <message>
        <source>This code holds plain text, not an authenticator key.</source>
        <translation>Dieser Code enthält einfachen Text, keinen Authenticator-Schlüssel.</translation>
    </message>
    <message>
        <source>The code is empty.</source>
        <translation>Der Code ist leer.</translation>
    </message>
    <message>
        <source>Account {label}</source>
        <translation>Konto {label}</translation>
    </message>
    <message>
        <source>This code holds a web link, not an authenticator key.</source>
        <translation>Dieser Code enthält einen Weblink, keinen Authenticator-Schlüssel.</translation>
    </message>
    <message>
        <source>This authenticator link is invalid: it must start with otpauth://.</source>
        <translation>Dieser Authenticator-Link ist ungültig: Er muss mit otpauth:// beginnen.</translation>
    </message>
    <message>
        <source>Google Authenticator export (1 account, code {index} of {size})</source>
        <translation>Google-Authenticator-Export (1 Konto, Code {index} von {size})</translation>
    </message>
    <message>
        <source>Google Authenticator export ({n} accounts, code {index} of {size})</source>
        <translation>Google-Authenticator-Export ({n} Konten, Code {index} von {size})</translation>
    </message>
    <message>
        <source>This authenticator link is invalid: {error}</source>
        <translation>Dieser Authenticator-Link ist ungültig: {error}</translation>
    </message>
    <message>
        <source>This Google Authenticator export is invalid: {error}</source>
        <translation>Dieser Google-Authenticator-Export ist ungültig: {error}</translation>
    </message>
    <message>
        <source>The time must be a finite, non-negative number of seconds.</source>
        <translation>Die Zeit muss eine endliche, nicht negative Anzahl von Sekunden sein.</translation>
    </message>
    <message>
        <source>The time or counter is outside the range codes are defined for.</source>
        <translation>Die Zeit oder der Zähler liegt außerhalb des Bereichs, für den Codes definiert sind.</translation>
    </message>
    <message>
        <source>The export data has a malformed text field.</source>
        <translation>Die Exportdaten enthalten ein fehlerhaftes Textfeld.</translation>
    </message>
    <message>
        <source>The export data has a malformed number field.</source>
        <translation>Die Exportdaten enthalten ein fehlerhaftes Zahlenfeld.</translation>
    </message>
    <message>
        <source>The export data has a malformed secret.</source>
        <translation>Die Exportdaten enthalten einen fehlerhaften geheimen Schlüssel.</translation>
    </message>
    <message>
        <source>it has no secret</source>
        <translation>der Eintrag hat keinen geheimen Schlüssel</translation>
    </message>
    <message>
        <source>its algorithm (MD5 or unknown) is not supported</source>
        <translation>der Algorithmus (MD5 oder unbekannt) wird nicht unterstützt</translation>
    </message>
    <message>
        <source>its number of digits is unknown</source>
        <translation>die Stellenzahl ist unbekannt</translation>
    </message>
    <message>
        <source>its type is unknown</source>
        <translation>der Typ ist unbekannt</translation>
    </message>
    <message>
        <source>This is not an otpauth-migration:// link.</source>
        <translation>Dies ist kein otpauth-migration://-Link.</translation>
    </message>
    <message>
        <source>The export link has no data.</source>
        <translation>Der Export-Link enthält keine Daten.</translation>
    </message>
    <message>
        <source>The export holds no accounts.</source>
        <translation>Der Export enthält keine Konten.</translation>
    </message>
    <message>
        <source>The export data is truncated.</source>
        <translation>Die Exportdaten sind abgeschnitten.</translation>
    </message>
    <message>
        <source>The export data holds an invalid number.</source>
        <translation>Die Exportdaten enthalten eine ungültige Zahl.</translation>
    </message>
    <message>
        <source>The export data has text that is not UTF-8.</source>
        <translation>Die Exportdaten enthalten Text, der kein UTF-8 ist.</translation>
    </message>
    <message>
        <source>The export data is malformed.</source>
        <translation>Die Exportdaten sind fehlerhaft aufgebaut.</translation>
    </message>
    <message>
        <source>The export data is not valid Base64.</source>
        <translation>Die Exportdaten sind kein gültiges Base64.</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>(ohne Namen)</translation>
    </message>
    <message>
        <source>The export data is not a valid Google Authenticator export.</source>
        <translation>Die Exportdaten sind kein gültiger Google-Authenticator-Export.</translation>
    </message>
    <message>
        <source>The digits must be a whole number.</source>
        <translation>Die Stellenzahl muss eine ganze Zahl sein.</translation>
    </message>
    <message>
        <source>The period must be a whole number.</source>
        <translation>Das Intervall muss eine ganze Zahl sein.</translation>
    </message>
    <message>
        <source>The counter must be a whole number.</source>
        <translation>Der Zähler muss eine ganze Zahl sein.</translation>
    </message>
    <message>
        <source>The issuer must be text.</source>
        <translation>Der Anbieter muss Text sein.</translation>
    </message>
    <message>
        <source>The name must be text.</source>
        <translation>Der Name muss Text sein.</translation>
    </message>
    <message>
        <source>The group must be text.</source>
        <translation>Die Gruppe muss Text sein.</translation>
    </message>
    <message>
        <source>The note must be text.</source>
        <translation>Die Notiz muss Text sein.</translation>
    </message>
    <message>
        <source>The secret must be text.</source>
        <translation>Der geheime Schlüssel muss Text sein.</translation>
    </message>
    <message>
        <source>The secret is too long (at most {n} Base32 characters).</source>
        <translation>Der geheime Schlüssel ist zu lang (höchstens {n} Base32-Zeichen).</translation>
    </message>
    <message>
        <source>The secret is empty.</source>
        <translation>Der geheime Schlüssel ist leer.</translation>
    </message>
    <message>
        <source>The secret is not valid Base32 (letters A-Z and digits 2-7).</source>
        <translation>Der geheime Schlüssel ist kein gültiges Base32 (Buchstaben A–Z und Ziffern 2–7).</translation>
    </message>
    <message>
        <source>The secret is cut short or has a character too many: copy it again.</source>
        <translation>Der geheime Schlüssel ist abgeschnitten oder hat ein Zeichen zu viel: Kopieren Sie ihn erneut.</translation>
    </message>
    <message>
        <source>The secret is too short (at least {n} Base32 characters).</source>
        <translation>Der geheime Schlüssel ist zu kurz (mindestens {n} Base32-Zeichen).</translation>
    </message>
    <message>
        <source>Unknown OTP type.</source>
        <translation>Unbekannter OTP-Typ.</translation>
    </message>
    <message>
        <source>The secret is not in canonical Base32 form.</source>
        <translation>Der geheime Schlüssel ist nicht in der kanonischen Base32-Form.</translation>
    </message>
    <message>
        <source>The algorithm must be SHA1, SHA256 or SHA512.</source>
        <translation>Der Algorithmus muss SHA1, SHA256 oder SHA512 sein.</translation>
    </message>
    <message>
        <source>The period must be between 1 and 86400 seconds.</source>
        <translation>Das Intervall muss zwischen 1 und 86400 Sekunden liegen.</translation>
    </message>
    <message>
        <source>The counter must be a non-negative integer.</source>
        <translation>Der Zähler muss eine nicht negative ganze Zahl sein.</translation>
    </message>
    <message>
        <source>The icon is not a small PNG, JPEG, SVG, WebP or GIF picture.</source>
        <translation>Das Symbol ist kein kleines PNG-, JPEG-, SVG-, WebP- oder GIF-Bild.</translation>
    </message>
    <message>
        <source>The issuer is too long (at most {n} characters).</source>
        <translation>Der Anbieter ist zu lang (höchstens {n} Zeichen).</translation>
    </message>
    <message>
        <source>The account name is too long (at most {n} characters).</source>
        <translation>Der Kontoname ist zu lang (höchstens {n} Zeichen).</translation>
    </message>
    <message>
        <source>The group is too long (at most {n} characters).</source>
        <translation>Die Gruppe ist zu lang (höchstens {n} Zeichen).</translation>
    </message>
    <message>
        <source>The note is too long (at most {n} characters).</source>
        <translation>Die Notiz ist zu lang (höchstens {n} Zeichen).</translation>
    </message>
    <message>
        <source>The entry has too many annotations.</source>
        <translation>Der Eintrag hat zu viele Anmerkungen.</translation>
    </message>
    <message>
        <source>The entry&apos;s sync stamps are damaged.</source>
        <translation>Die Synchronisierungsstempel des Eintrags sind beschädigt.</translation>
    </message>
    <message>
        <source>The entry&apos;s history is damaged.</source>
        <translation>Der Verlauf des Eintrags ist beschädigt.</translation>
    </message>
    <message>
        <source>not a valid OTP type</source>
        <translation>kein gültiger OTP-Typ</translation>
    </message>
    <message>
        <source>An item of the entry&apos;s history is damaged.</source>
        <translation>Ein Element im Verlauf des Eintrags ist beschädigt.</translation>
    </message>
    <message>
        <source>Unknown field.</source>
        <translation>Unbekanntes Feld.</translation>
    </message>
    <message>
        <source>Steam codes have 5 characters.</source>
        <translation>Steam-Codes haben 5 Zeichen.</translation>
    </message>
    <message>
        <source>Digits must be between {low} and {high}.</source>
        <translation>Die Stellenzahl muss zwischen {low} und {high} liegen.</translation>
    </message>
    <message>
        <source>An annotation of the entry is not text.</source>
        <translation>Eine Anmerkung des Eintrags ist kein Text.</translation>
    </message>
    <message>
        <source>An annotation of the entry is too long.</source>
        <translation>Eine Anmerkung des Eintrags ist zu lang.</translation>
    </message>
    <message>
        <source>The link must be text.</source>
        <translation>Der Link muss Text sein.</translation>
    </message>
    <message>
        <source>The link is too long.</source>
        <translation>Der Link ist zu lang.</translation>
    </message>
    <message>
        <source>This is not an otpauth:// link.</source>
        <translation>Dies ist kein otpauth://-Link.</translation>
    </message>
    <message>
        <source>The link has no secret.</source>
        <translation>Der Link enthält keinen geheimen Schlüssel.</translation>
    </message>
    <message>
        <source>Unsupported algorithm (use SHA1, SHA256 or SHA512).</source>
        <translation>Nicht unterstützter Algorithmus (verwenden Sie SHA1, SHA256 oder SHA512).</translation>
    </message>
    <message>
        <source>The label is not valid UTF-8.</source>
        <translation>Die Bezeichnung ist kein gültiges UTF-8.</translation>
    </message>
    <message>
        <source>The link holds characters that are not valid text.</source>
        <translation>Der Link enthält Zeichen, die kein gültiger Text sind.</translation>
    </message>
    <message>
        <source>The link&apos;s parameters are not valid UTF-8.</source>
        <translation>Die Parameter des Links sind kein gültiges UTF-8.</translation>
    </message>
    <message>
        <source>The link&apos;s type must be totp, hotp or steam.</source>
        <translation>Der Typ des Links muss totp, hotp oder steam sein.</translation>
    </message>
    <message>
        <source>No sign-in is waiting for a code; sign in again.</source>
        <translation>Keine Anmeldung wartet auf einen Code; melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>The vault is locked.</source>
        <translation>Der Tresor ist gesperrt.</translation>
    </message>
    <message>
        <source>The portal sent a malformed application token.</source>
        <translation>Das Portal hat ein fehlerhaftes Anwendungstoken gesendet.</translation>
    </message>
    <message>
        <source>The portal sent a malformed event.</source>
        <translation>Das Portal hat ein fehlerhaftes Ereignis gesendet.</translation>
    </message>
    <message>
        <source>The portal&apos;s list of {what} is malformed.</source>
        <translation>Die Liste der {what} vom Portal ist fehlerhaft.</translation>
    </message>
    <message>
        <source>application tokens</source>
        <translation>Anwendungstoken</translation>
    </message>
    <message>
        <source>events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>an application token</source>
        <translation>ein Anwendungstoken</translation>
    </message>
    <message>
        <source>an application token status</source>
        <translation>einen Status eines Anwendungstokens</translation>
    </message>
    <message>
        <source>an event</source>
        <translation>ein Ereignis</translation>
    </message>
    <message>
        <source>an event type</source>
        <translation>einen Ereignistyp</translation>
    </message>
    <message>
        <source>The portal created no application token.</source>
        <translation>Das Portal hat kein Anwendungstoken erstellt.</translation>
    </message>
    <message>
        <source>The portal&apos;s user record is malformed.</source>
        <translation>Der Benutzerdatensatz vom Portal ist fehlerhaft.</translation>
    </message>
    <message>
        <source>The portal knows no user with the e-mail address {email}.</source>
        <translation>Das Portal kennt keinen Benutzer mit der E-Mail-Adresse {email}.</translation>
    </message>
    <message>
        <source>The portal does not let you reach {email}: only an Administrator can, and only for users of their own organisation.</source>
        <translation>Das Portal lässt Sie {email} nicht erreichen: Das kann nur ein Administrator, und nur für Benutzer der eigenen Organisation.</translation>
    </message>
    <message>
        <source>the user record</source>
        <translation>den Benutzerdatensatz</translation>
    </message>
    <message>
        <source>two-factor keys</source>
        <translation>Zwei-Faktor-Schlüssel</translation>
    </message>
    <message>
        <source>The portal sent an answer larger than 1 MiB; it was not read.</source>
        <translation>Das Portal hat eine Antwort gesendet, die größer als 1 MiB ist; sie wurde nicht gelesen.</translation>
    </message>
    <message>
        <source>The portal sent an answer nested too deeply to be read.</source>
        <translation>Das Portal hat eine Antwort gesendet, die zu tief verschachtelt ist, um gelesen zu werden.</translation>
    </message>
    <message>
        <source>an entry</source>
        <translation>einen Eintrag</translation>
    </message>
    <message>
        <source>The portal address must look like https://cdn.emnify.net.</source>
        <translation>Die Portal-Adresse muss wie https://cdn.emnify.net aussehen.</translation>
    </message>
    <message>
        <source>The portal address must use https:// (plain http:// is only allowed for a local emulator on this computer).</source>
        <translation>Die Portal-Adresse muss https:// verwenden (einfaches http:// ist nur für einen lokalen Emulator auf diesem Computer erlaubt).</translation>
    </message>
    <message>
        <source>The portal sent {what} whose id is not a whole number.</source>
        <translation>Das Portal hat {what} gesendet, dessen Kennung keine ganze Zahl ist.</translation>
    </message>
    <message>
        <source>The portal sent a malformed two-factor key.</source>
        <translation>Das Portal hat einen fehlerhaften Zwei-Faktor-Schlüssel gesendet.</translation>
    </message>
    <message>
        <source>{message}. Try again in {wait}.</source>
        <translation>{message}. Versuchen Sie es in {wait} erneut.</translation>
    </message>
    <message>
        <source>The code was not accepted (wrong or expired).</source>
        <translation>Der Code wurde nicht angenommen (falsch oder abgelaufen).</translation>
    </message>
    <message>
        <source>The emnify portal refused the request.</source>
        <translation>Das emnify-Portal hat die Anfrage abgelehnt.</translation>
    </message>
    <message>
        <source>The portal&apos;s list of workspaces is malformed.</source>
        <translation>Die Liste der Arbeitsbereiche vom Portal ist fehlerhaft.</translation>
    </message>
    <message>
        <source>The portal&apos;s list of trusted devices is malformed.</source>
        <translation>Die Liste der vertrauenswürdigen Geräte vom Portal ist fehlerhaft.</translation>
    </message>
    <message>
        <source>a two-factor key</source>
        <translation>einen Zwei-Faktor-Schlüssel</translation>
    </message>
    <message>
        <source>a two-factor key status</source>
        <translation>einen Status eines Zwei-Faktor-Schlüssels</translation>
    </message>
    <message>
        <source>a two-factor key type</source>
        <translation>einen Typ eines Zwei-Faktor-Schlüssels</translation>
    </message>
    <message>
        <source>The portal&apos;s sign-in answer is malformed.</source>
        <translation>Die Anmeldeantwort des Portals ist fehlerhaft.</translation>
    </message>
    <message>
        <source>The portal&apos;s sign-in answer holds no token.</source>
        <translation>Die Anmeldeantwort des Portals enthält kein Token.</translation>
    </message>
    <message>
        <source>The emnify portal asked to wait: try again in {wait}.</source>
        <translation>Das emnify-Portal bittet zu warten: Versuchen Sie es in {wait} erneut.</translation>
    </message>
    <message>
        <source>a workspace</source>
        <translation>einen Arbeitsbereich</translation>
    </message>
    <message>
        <source>The portal did not complete the sign-in.</source>
        <translation>Das Portal hat die Anmeldung nicht abgeschlossen.</translation>
    </message>
    <message>
        <source>The portal did not accept the application token.</source>
        <translation>Das Portal hat das Anwendungstoken nicht angenommen.</translation>
    </message>
    <message>
        <source>The portal did not renew the session.</source>
        <translation>Das Portal hat die Sitzung nicht erneuert.</translation>
    </message>
    <message>
        <source>The connection to the emnify portal broke before it answered. Try again.</source>
        <translation>Die Verbindung zum emnify-Portal ist abgebrochen, bevor es geantwortet hat. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The portal&apos;s user record has no id.</source>
        <translation>Der Benutzerdatensatz vom Portal hat keine Kennung.</translation>
    </message>
    <message>
        <source>The portal did not switch the workspace.</source>
        <translation>Das Portal hat den Arbeitsbereich nicht gewechselt.</translation>
    </message>
    <message>
        <source>The application token was not accepted.</source>
        <translation>Das Anwendungstoken wurde nicht angenommen.</translation>
    </message>
    <message>
        <source>The emnify portal sent an answer this app cannot read (not JSON).</source>
        <translation>Das emnify-Portal hat eine Antwort gesendet, die diese App nicht lesen kann (kein JSON).</translation>
    </message>
    <message>
        <source>a trusted device</source>
        <translation>ein vertrauenswürdiges Gerät</translation>
    </message>
    <message>
        <source>The portal lists a two-factor key without saying whether it is active; nothing was changed. Check the key in the emnify Portal.</source>
        <translation>Das Portal führt einen Zwei-Faktor-Schlüssel auf, ohne zu sagen, ob er aktiv ist; nichts wurde geändert. Prüfen Sie den Schlüssel im emnify-Portal.</translation>
    </message>
    <message>
        <source>An authenticator is active on this account; replacing it stops the codes of the phone or app that has it. Replace it?</source>
        <translation>Auf diesem Konto ist ein Authenticator aktiv; wenn Sie ihn ersetzen, gelten die Codes des Telefons oder der App, die ihn hat, nicht mehr. Ersetzen?</translation>
    </message>
    <message>
        <source>The portal lists a two-factor key set up on {day} without saying whether it is active; nothing was changed. Check the key in the emnify Portal.</source>
        <translation>Das Portal führt einen am {day} eingerichteten Zwei-Faktor-Schlüssel auf, ohne zu sagen, ob er aktiv ist; nichts wurde geändert. Prüfen Sie den Schlüssel im emnify-Portal.</translation>
    </message>
    <message>
        <source>An authenticator set up on {day} is active on this account; replacing it stops the codes of the phone or app that has it. Replace it?</source>
        <translation>Auf diesem Konto ist ein am {day} eingerichteter Authenticator aktiv; wenn Sie ihn ersetzen, gelten die Codes des Telefons oder der App, die ihn hat, nicht mehr. Ersetzen?</translation>
    </message>
    <message>
        <source>The portal&apos;s key is not a time-based (TOTP) key.</source>
        <translation>Der Schlüssel des Portals ist kein zeitbasierter (TOTP-)Schlüssel.</translation>
    </message>
    <message>
        <source>An activation is already pending: finish it or cancel it first.</source>
        <translation>Eine Aktivierung steht bereits aus: Schließen Sie sie zuerst ab oder brechen Sie sie ab.</translation>
    </message>
    <message>
        <source>This account has no emnify key id.</source>
        <translation>Dieses Konto hat keine emnify-Schlüsselkennung.</translation>
    </message>
    <message>
        <source>The password is wrong; nothing was changed.</source>
        <translation>Das Passwort ist falsch; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Two-factor authentication is already on with the key in this app&apos;s vault.</source>
        <translation>Die Zwei-Faktor-Authentifizierung ist bereits mit dem Schlüssel im Tresor dieser App eingeschaltet.</translation>
    </message>
    <message>
        <source>The portal refused the code twice. Check that this computer&apos;s clock is right (within about 30 seconds; turn on automatic time), then choose &apos;Finish activation&apos;. The key is kept in the vault, pending.</source>
        <translation>Das Portal hat den Code zweimal abgelehnt. Prüfen Sie, ob die Uhr dieses Computers richtig geht (auf etwa 30 Sekunden genau; schalten Sie die automatische Zeit ein), und wählen Sie dann „Aktivierung abschließen“. Der Schlüssel bleibt ausstehend im Tresor.</translation>
    </message>
    <message>
        <source>The portal no longer has this pending key; start again with &apos;Enable&apos;.</source>
        <translation>Das Portal hat diesen ausstehenden Schlüssel nicht mehr; beginnen Sie erneut mit „Einschalten“.</translation>
    </message>
    <message>
        <source>No authenticator app is set up for this account.</source>
        <translation>Für dieses Konto ist keine Authenticator-App eingerichtet.</translation>
    </message>
    <message>
        <source>The portal sent an unusable secret key.</source>
        <translation>Das Portal hat einen unbrauchbaren geheimen Schlüssel gesendet.</translation>
    </message>
    <message>
        <source>The portal did not accept the password; nothing was changed.</source>
        <translation>Das Portal hat das Passwort nicht angenommen; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>The emnify portal reported an error.</source>
        <translation>Das emnify-Portal hat einen Fehler gemeldet.</translation>
    </message>
    <message>
        <source>The portal address is not usable.</source>
        <translation>Die Portal-Adresse ist nicht verwendbar.</translation>
    </message>
    <message>
        <source>Not signed in to the emnify portal.</source>
        <translation>Nicht beim emnify-Portal angemeldet.</translation>
    </message>
    <message>
        <source>The emnify portal cannot be reached. Check the network connection and the portal address.</source>
        <translation>Das emnify-Portal ist nicht erreichbar. Prüfen Sie die Netzwerkverbindung und die Portal-Adresse.</translation>
    </message>
    <message>
        <source>The emnify portal did not answer in time. Try again later.</source>
        <translation>Das emnify-Portal hat nicht rechtzeitig geantwortet. Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>The portal&apos;s certificate could not be verified (TLS error). The connection was refused to protect your credentials.</source>
        <translation>Das Zertifikat des Portals konnte nicht geprüft werden (TLS-Fehler). Die Verbindung wurde abgelehnt, um Ihre Zugangsdaten zu schützen.</translation>
    </message>
    <message>
        <source>The emnify portal had a problem and did not do it; try again later.</source>
        <translation>Das emnify-Portal hatte ein Problem und hat es nicht ausgeführt; versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>The emnify portal sent an answer this app does not understand.</source>
        <translation>Das emnify-Portal hat eine Antwort gesendet, die diese App nicht versteht.</translation>
    </message>
    <message>
        <source>The portal refused the request as malformed.</source>
        <translation>Das Portal hat die Anfrage als fehlerhaft abgelehnt.</translation>
    </message>
    <message>
        <source>The portal refused the credentials.</source>
        <translation>Das Portal hat die Zugangsdaten abgelehnt.</translation>
    </message>
    <message>
        <source>Wrong e-mail address, password or code.</source>
        <translation>Falsche E-Mail-Adresse, falsches Passwort oder falscher Code.</translation>
    </message>
    <message>
        <source>The session is not valid. Sign in again.</source>
        <translation>Die Sitzung ist ungültig. Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>The session has expired. Sign in again.</source>
        <translation>Die Sitzung ist abgelaufen. Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>The session has ended. Sign in again.</source>
        <translation>Die Sitzung ist beendet. Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>The portal does not allow this for your account.</source>
        <translation>Das Portal erlaubt dies für Ihr Konto nicht.</translation>
    </message>
    <message>
        <source>The portal does not allow this action on your account.</source>
        <translation>Das Portal erlaubt diese Aktion für Ihr Konto nicht.</translation>
    </message>
    <message>
        <source>Too many requests to the emnify portal. Wait a few minutes and try again.</source>
        <translation>Zu viele Anfragen an das emnify-Portal. Warten Sie einige Minuten und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Too many failed attempts: the account is locked for 5 minutes. Try again later.</source>
        <translation>Zu viele Fehlversuche: Das Konto ist für 5 Minuten gesperrt. Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>The portal does not know this item (it may have been removed).</source>
        <translation>Das Portal kennt dieses Element nicht (es wurde vielleicht entfernt).</translation>
    </message>
    <message>
        <source>The portal refused the change because it conflicts with the current state.</source>
        <translation>Das Portal hat die Änderung abgelehnt, weil sie dem aktuellen Zustand widerspricht.</translation>
    </message>
    <message>
        <source>An authenticator app is already active on this account; replace it?</source>
        <translation>Auf diesem Konto ist bereits eine Authenticator-App aktiv; ersetzen?</translation>
    </message>
    <message>
        <source>The portal refused the input.</source>
        <translation>Das Portal hat die Eingabe abgelehnt.</translation>
    </message>
    <message>
        <source>The portal refused the code.</source>
        <translation>Das Portal hat den Code abgelehnt.</translation>
    </message>
    <message>
        <source>The portal refused the password.</source>
        <translation>Das Portal hat das Passwort abgelehnt.</translation>
    </message>
    <message>
        <source>Too many failed attempts: the portal has locked the account. Try again in {wait}.</source>
        <translation>Zu viele Fehlversuche: Das Portal hat das Konto gesperrt. Versuchen Sie es in {wait} erneut.</translation>
    </message>
    <message>
        <source>The portal offers no authenticator-app (TOTP) key type.</source>
        <translation>Das Portal bietet keinen Schlüsseltyp für Authenticator-Apps (TOTP) an.</translation>
    </message>
    <message>
        <source>The portal sent a malformed list.</source>
        <translation>Das Portal hat eine fehlerhafte Liste gesendet.</translation>
    </message>
    <message>
        <source>The portal&apos;s list of keys is malformed.</source>
        <translation>Die Liste der Schlüssel vom Portal ist fehlerhaft.</translation>
    </message>
    <message>
        <source>The portal created a key but sent no secret.</source>
        <translation>Das Portal hat einen Schlüssel erstellt, aber kein Geheimnis gesendet.</translation>
    </message>
    <message>
        <source>{setting}: expected yes or no.</source>
        <translation>{setting}: Ja oder Nein erwartet.</translation>
    </message>
    <message>
        <source>{setting}: expected text.</source>
        <translation>{setting}: Text erwartet.</translation>
    </message>
    <message>
        <source>{setting}: not one of the offered choices.</source>
        <translation>{setting}: Keine der angebotenen Möglichkeiten.</translation>
    </message>
    <message>
        <source>{setting}: must start with https://.</source>
        <translation>{setting}: Muss mit https:// beginnen.</translation>
    </message>
    <message>
        <source>There is no setting named {name}.</source>
        <translation>Es gibt keine Einstellung namens {name}.</translation>
    </message>
    <message>
        <source>{setting}: expected a mapping of names to numbers.</source>
        <translation>{setting}: Eine Zuordnung von Namen zu Zahlen erwartet.</translation>
    </message>
    <message>
        <source>{setting}: expected a whole number.</source>
        <translation>{setting}: Eine ganze Zahl erwartet.</translation>
    </message>
    <message>
        <source>{setting}: at least {n}.</source>
        <translation>{setting}: Mindestens {n}.</translation>
    </message>
    <message>
        <source>{setting}: at most {n}.</source>
        <translation>{setting}: Höchstens {n}.</translation>
    </message>
    <message>
        <source>{setting}: expected a mapping.</source>
        <translation>{setting}: Eine Zuordnung erwartet.</translation>
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
        <source>That file belongs to another vault; it was not merged.</source>
        <translation>Diese Datei gehört zu einem anderen Tresor; sie wurde nicht zusammengeführt.</translation>
    </message>
    <message>
        <source>The sync folder is not reachable: {folder}.</source>
        <translation>Der Sync-Ordner ist nicht erreichbar: {folder}.</translation>
    </message>
    <message>
        <source>The synced file&apos;s content is damaged.</source>
        <translation>Der Inhalt der synchronisierten Datei ist beschädigt.</translation>
    </message>
    <message>
        <source>This vault is not synced; start with `sync setup FOLDER` or `sync join FOLDER`.</source>
        <translation>Dieser Tresor wird nicht synchronisiert; beginnen Sie mit `sync setup ORDNER` oder `sync join ORDNER`.</translation>
    </message>
    <message>
        <source>The sync settings are damaged ({error}).</source>
        <translation>Die Sync-Einstellungen sind beschädigt ({error}).</translation>
    </message>
    <message>
        <source>The synced vault needs a password (the keyring cannot travel).</source>
        <translation>Der synchronisierte Tresor braucht ein Passwort (der Schlüsselbund kann nicht mitreisen).</translation>
    </message>
    <message>
        <source>Wrong password: it is not this vault&apos;s password.</source>
        <translation>Falsches Passwort: Es ist nicht das Passwort dieses Tresors.</translation>
    </message>
    <message>
        <source>The sync folder does not exist: {folder}.</source>
        <translation>Der Sync-Ordner existiert nicht: {folder}.</translation>
    </message>
    <message>
        <source>There is no synced vault in {folder}: run `sync setup` first.</source>
        <translation>In {folder} gibt es keinen synchronisierten Tresor: Führen Sie zuerst `sync setup` aus.</translation>
    </message>
    <message>
        <source>The synced vault has no password slot; it was not written by sync.</source>
        <translation>Der synchronisierte Tresor hat keinen Passwort-Eintrag; er wurde nicht von der Synchronisierung geschrieben.</translation>
    </message>
    <message>
        <source>This computer&apos;s vault is not the synced one; run `sync leave`.</source>
        <translation>Der Tresor dieses Computers ist nicht der synchronisierte; führen Sie `sync leave` aus.</translation>
    </message>
    <message>
        <source>The sync folder cannot be written ({error}); your accounts are kept on this computer and written at the next sync.</source>
        <translation>In den Sync-Ordner kann nicht geschrieben werden ({error}); Ihre Konten bleiben auf diesem Computer und werden bei der nächsten Synchronisierung geschrieben.</translation>
    </message>
    <message>
        <source>The sync folder holds another vault (not this computer&apos;s); nothing was changed. Import it, or pick another folder.</source>
        <translation>Der Sync-Ordner enthält einen anderen Tresor (nicht den dieses Computers); nichts wurde geändert. Importieren Sie ihn oder wählen Sie einen anderen Ordner.</translation>
    </message>
    <message>
        <source>its content is damaged ({error})</source>
        <translation>ihr Inhalt ist beschädigt ({error})</translation>
    </message>
    <message>
        <source>The vault&apos;s deletion records are damaged ({error}).</source>
        <translation>Die Löschvermerke des Tresors sind beschädigt ({error}).</translation>
    </message>
    <message>
        <source>The synced file cannot be read: {error}.</source>
        <translation>Die synchronisierte Datei kann nicht gelesen werden: {error}.</translation>
    </message>
    <message>
        <source>The folder already holds another vault: use `sync join` on this computer (its accounts are merged in) or pick another folder.</source>
        <translation>Der Ordner enthält bereits einen anderen Tresor: Verwenden Sie auf diesem Computer `sync join` (seine Konten werden zusammengeführt) oder wählen Sie einen anderen Ordner.</translation>
    </message>
    <message>
        <source>The sync folder is not reachable: {folder}. Your accounts are kept on this computer.</source>
        <translation>Der Sync-Ordner ist nicht erreichbar: {folder}. Ihre Konten bleiben auf diesem Computer.</translation>
    </message>
    <message>
        <source>The synced file vanished while it was read.</source>
        <translation>Die synchronisierte Datei ist beim Lesen verschwunden.</translation>
    </message>
    <message>
        <source>The synced file cannot be merged: {error}</source>
        <translation>Die synchronisierte Datei kann nicht zusammengeführt werden: {error}</translation>
    </message>
    <message>
        <source>The synced file was modified or is damaged; nothing was changed ({error})</source>
        <translation>Die synchronisierte Datei wurde verändert oder ist beschädigt; nichts wurde geändert ({error})</translation>
    </message>
    <message>
        <source>{file}: {problem}</source>
        <translation>{file}: {problem}</translation>
    </message>
    <message>
        <source>The conflict copy vanished while it was read.</source>
        <translation>Die Konfliktkopie ist beim Lesen verschwunden.</translation>
    </message>
    <message>
        <source>The conflict copy cannot be merged: {error}</source>
        <translation>Die Konfliktkopie kann nicht zusammengeführt werden: {error}</translation>
    </message>
    <message>
        <source>it was modified or is damaged ({error})</source>
        <translation>sie wurde verändert oder ist beschädigt ({error})</translation>
    </message>
    <message>
        <source>The vault file was modified or is damaged (bad nonce).</source>
        <translation>Die Tresordatei wurde verändert oder ist beschädigt (ungültige Nonce).</translation>
    </message>
    <message>
        <source>The vault file was modified: the password slot has the wrong size.</source>
        <translation>Die Tresordatei wurde verändert: Der Passwort-Eintrag hat die falsche Größe.</translation>
    </message>
    <message>
        <source>The vault file was modified: its key-derivation parameters are not ones this app writes. Restore it from a backup.</source>
        <translation>Die Tresordatei wurde verändert: Ihre Parameter zur Schlüsselableitung sind keine, die diese App schreibt. Stellen Sie sie aus einer Sicherung wieder her.</translation>
    </message>
    <message>
        <source>The vault file was modified: a key-derivation parameter is not a number.</source>
        <translation>Die Tresordatei wurde verändert: Ein Parameter der Schlüsselableitung ist keine Zahl.</translation>
    </message>
    <message>
        <source>The vault file was modified: the password slot&apos;s salt has the wrong length.</source>
        <translation>Die Tresordatei wurde verändert: Das Salt des Passwort-Eintrags hat die falsche Länge.</translation>
    </message>
    <message>
        <source>The vault file was modified or is damaged: its content does not match its key and header.</source>
        <translation>Die Tresordatei wurde verändert oder ist beschädigt: Ihr Inhalt passt nicht zu ihrem Schlüssel und Kopf.</translation>
    </message>
    <message>
        <source>Wrong password, or the file was changed.</source>
        <translation>Falsches Passwort, oder die Datei wurde verändert.</translation>
    </message>
    <message>
        <source>Not enough memory to derive the vault key.</source>
        <translation>Nicht genug Arbeitsspeicher, um den Tresorschlüssel abzuleiten.</translation>
    </message>
    <message>
        <source>The OS keyring could not be read ({error}).</source>
        <translation>Der Schlüsselbund des Systems konnte nicht gelesen werden ({error}).</translation>
    </message>
    <message>
        <source>The OS keyring could not store an item ({error}).</source>
        <translation>Der Schlüsselbund des Systems konnte keinen Eintrag speichern ({error}).</translation>
    </message>
    <message>
        <source>The OS keyring could not delete an item ({error}).</source>
        <translation>Der Schlüsselbund des Systems konnte keinen Eintrag löschen ({error}).</translation>
    </message>
    <message>
        <source>The vault&apos;s lock file ({name}) is not a regular file; move it away.</source>
        <translation>Die Sperrdatei des Tresors ({name}) ist keine gewöhnliche Datei; verschieben Sie sie.</translation>
    </message>
    <message>
        <source>The vault&apos;s lock file ({name}) cannot be opened: {error}. Move it away.</source>
        <translation>Die Sperrdatei des Tresors ({name}) kann nicht geöffnet werden: {error}. Verschieben Sie sie.</translation>
    </message>
    <message>
        <source>The vault is in use by another Desktop Authenticator (window or command) whose save has not finished; try again in a moment.</source>
        <translation>Der Tresor wird von einem anderen Desktop Authenticator (Fenster oder Befehl) verwendet, der noch speichert; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>{refused} Opened the previous version of the vault ({previous}) instead; the next change saves it, and the refused file is kept as {refused_file}.</source>
        <translation>{refused} Stattdessen wurde die vorige Version des Tresors ({previous}) geöffnet; die nächste Änderung speichert sie, und die abgelehnte Datei wird als {refused_file} aufbewahrt.</translation>
    </message>
    <message>
        <source>The vault&apos;s content is damaged ({detail}).</source>
        <translation>Der Inhalt des Tresors ist beschädigt ({detail}).</translation>
    </message>
    <message>
        <source>The vault file is damaged (a field has the wrong type).</source>
        <translation>Die Tresordatei ist beschädigt (ein Feld hat den falschen Typ).</translation>
    </message>
    <message>
        <source>{what} ({name}) is not a regular file; move it away.</source>
        <translation>„{what}“ ({name}) ist keine gewöhnliche Datei; verschieben Sie sie.</translation>
    </message>
    <message>
        <source>The vault file was modified: its password slot is not one this app writes.</source>
        <translation>Die Tresordatei wurde verändert: Ihr Passwort-Eintrag ist keiner, den diese App schreibt.</translation>
    </message>
    <message>
        <source>The vault file is damaged (no key slot).</source>
        <translation>Die Tresordatei ist beschädigt (kein Schlüssel-Eintrag).</translation>
    </message>
    <message>
        <source>The vault file names an unknown key slot.</source>
        <translation>Die Tresordatei nennt einen unbekannten Schlüssel-Eintrag.</translation>
    </message>
    <message>
        <source>The vault file was modified: its key slot has unexpected fields.</source>
        <translation>Die Tresordatei wurde verändert: Ihr Schlüssel-Eintrag hat unerwartete Felder.</translation>
    </message>
    <message>
        <source>account {number} is not an object</source>
        <translation>Konto {number} ist kein Objekt</translation>
    </message>
    <message>
        <source>account {number}: its order is not a whole number</source>
        <translation>Konto {number}: Seine Position ist keine ganze Zahl</translation>
    </message>
    <message>
        <source>account {number}: its creation time is not a number</source>
        <translation>Konto {number}: Seine Erstellungszeit ist keine Zahl</translation>
    </message>
    <message>
        <source>account {number}: its id is not text</source>
        <translation>Konto {number}: Seine Kennung ist kein Text</translation>
    </message>
    <message>
        <source>no list of accounts</source>
        <translation>keine Liste von Konten</translation>
    </message>
    <message>
        <source>The vault holds {n:,} accounts, more than the {limit:,} this app keeps; it is not one this app wrote.</source>
        <translation>Der Tresor enthält {n:,} Konten, mehr als die {limit:,}, die diese App aufnimmt; er wurde nicht von dieser App geschrieben.</translation>
    </message>
    <message>
        <source>The vault&apos;s key is kept in the OS keyring, but no keyring is available. Start your desktop&apos;s keyring (Secret Service) and try again.</source>
        <translation>Der Schlüssel des Tresors liegt im Schlüsselbund des Systems, aber kein Schlüsselbund ist verfügbar. Starten Sie den Schlüsselbund Ihres Desktops (Secret Service) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The vault&apos;s key is missing from the OS keyring, so the vault cannot be opened. Restore it from a backup.</source>
        <translation>Der Schlüssel des Tresors fehlt im Schlüsselbund des Systems, daher kann der Tresor nicht geöffnet werden. Stellen Sie ihn aus einer Sicherung wieder her.</translation>
    </message>
    <message>
        <source>The vault&apos;s key in the OS keyring is damaged.</source>
        <translation>Der Schlüssel des Tresors im Schlüsselbund des Systems ist beschädigt.</translation>
    </message>
    <message>
        <source>The vault file</source>
        <translation>Tresordatei</translation>
    </message>
    <message>
        <source>The vault file is larger than {n} MB; it is not one this app wrote.</source>
        <translation>Die Tresordatei ist größer als {n} MB; sie wurde nicht von dieser App geschrieben.</translation>
    </message>
    <message>
        <source>This is not a Desktop Authenticator vault file.</source>
        <translation>Dies ist keine Tresordatei von Desktop Authenticator.</translation>
    </message>
    <message>
        <source>The vault file has version {version}; this app reads versions {versions}. Update the app.</source>
        <translation>Die Tresordatei hat die Version {version}; diese App liest die Versionen {versions}. Aktualisieren Sie die App.</translation>
    </message>
    <message>
        <source>The vault file is damaged (no vault id).</source>
        <translation>Die Tresordatei ist beschädigt (keine Tresorkennung).</translation>
    </message>
    <message>
        <source>The vault file is damaged (its content is missing).</source>
        <translation>Die Tresordatei ist beschädigt (ihr Inhalt fehlt).</translation>
    </message>
    <message>
        <source>The vault file was modified: it names more than one key slot.</source>
        <translation>Die Tresordatei wurde verändert: Sie nennt mehr als einen Schlüssel-Eintrag.</translation>
    </message>
    <message>
        <source>No working OS keyring was found.</source>
        <translation>Es wurde kein funktionierender Schlüsselbund des Systems gefunden.</translation>
    </message>
    <message>
        <source>The vault file is damaged (bad Base64).</source>
        <translation>Die Tresordatei ist beschädigt (ungültiges Base64).</translation>
    </message>
    <message>
        <source>The vault file is damaged (bad hex).</source>
        <translation>Die Tresordatei ist beschädigt (ungültige Hexadezimalzahl).</translation>
    </message>
    <message>
        <source>{what} cannot be read: {error}.</source>
        <translation>„{what}“ kann nicht gelesen werden: {error}.</translation>
    </message>
    <message>
        <source>The vault file was modified: its key slot names another keyring item.</source>
        <translation>Die Tresordatei wurde verändert: Ihr Schlüssel-Eintrag nennt einen anderen Eintrag im Schlüsselbund.</translation>
    </message>
    <message>
        <source>account {number}: {error}</source>
        <translation>Konto {number}: {error}</translation>
    </message>
    <message>
        <source>not JSON</source>
        <translation>kein JSON</translation>
    </message>
    <message>
        <source>account {number} has the id of another</source>
        <translation>Konto {number} hat die Kennung eines anderen</translation>
    </message>
    <message>
        <source>The vault file is gone.</source>
        <translation>Die Tresordatei ist nicht mehr vorhanden.</translation>
    </message>
    <message>
        <source>The vault file is damaged (not JSON).</source>
        <translation>Die Tresordatei ist beschädigt (kein JSON).</translation>
    </message>
    <message>
        <source>The vault file was replaced by another vault (another vault id); nothing was merged.</source>
        <translation>Die Tresordatei wurde durch einen anderen Tresor ersetzt (andere Tresorkennung); nichts wurde zusammengeführt.</translation>
    </message>
    <message>
        <source>A vault holds at most {n:,} accounts; nothing was saved.</source>
        <translation>Ein Tresor enthält höchstens {n:,} Konten; nichts wurde gespeichert.</translation>
    </message>
    <message>
        <source>The vault would be larger than {n} MB, more than this app opens; nothing was saved.</source>
        <translation>Der Tresor wäre größer als {n} MB, mehr als diese App öffnet; nichts wurde gespeichert.</translation>
    </message>
    <message>
        <source>The password must not be empty.</source>
        <translation>Das Passwort darf nicht leer sein.</translation>
    </message>
    <message>
        <source>No working OS keyring was found; the vault needs a password.</source>
        <translation>Es wurde kein funktionierender Schlüsselbund des Systems gefunden; der Tresor braucht ein Passwort.</translation>
    </message>
    <message>
        <source>A vault password is needed to create the vault.</source>
        <translation>Zum Erstellen des Tresors wird ein Tresor-Passwort benötigt.</translation>
    </message>
    <message>
        <source>The vault stays locked: no password was given.</source>
        <translation>Der Tresor bleibt gesperrt: Es wurde kein Passwort eingegeben.</translation>
    </message>
    <message>
        <source>The vault file cannot be read: {error}.</source>
        <translation>Die Tresordatei kann nicht gelesen werden: {error}.</translation>
    </message>
    <message>
        <source>A vault holds at most {limit:,} accounts; this one has {n:,}, so {more:,} more cannot be added. Nothing was added.</source>
        <translation>Ein Tresor enthält höchstens {limit:,} Konten; dieser hat {n:,}, daher können {more:,} weitere nicht hinzugefügt werden. Nichts wurde hinzugefügt.</translation>
    </message>
    <message>
        <source>No such account.</source>
        <translation>Dieses Konto gibt es nicht.</translation>
    </message>
    <message>
        <source>That account cannot be restored any more.</source>
        <translation>Dieses Konto kann nicht mehr wiederhergestellt werden.</translation>
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
        <translation>Die Datei ist beschädigt: „{what}“ fehlt oder ist kein Text.</translation>
    </message>
    <message>
        <source>The file is damaged: {what} is missing or not an object.</source>
        <translation>Die Datei ist beschädigt: „{what}“ fehlt oder ist kein Objekt.</translation>
    </message>
    <message>
        <source>The file is damaged: {what} is missing or not a list.</source>
        <translation>Die Datei ist beschädigt: „{what}“ fehlt oder ist keine Liste.</translation>
    </message>
    <message>
        <source>The file holds too many items in {what}.</source>
        <translation>Die Datei enthält zu viele Einträge in „{what}“.</translation>
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
        <translation>Die Datei ist beschädigt: „{what}“ ist kein gültiges Base64.</translation>
    </message>
    <message>
        <source>The file is damaged: {what} is not valid hex.</source>
        <translation>Die Datei ist beschädigt: „{what}“ ist kein gültiges Hex.</translation>
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
        <source>It has no info block</source>
        <translation>Der Eintrag hat keinen Info-Block</translation>
    </message>
    <message>
        <source>Icons of 1 entry were left out (unknown kind of picture, or too large).</source>
        <translation>Das Symbol von 1 Eintrag wurde weggelassen (unbekannte Bildart oder zu groß).</translation>
    </message>
    <message>
        <source>Icons of {n} entries were left out (unknown kind of picture, or too large).</source>
        <translation>Die Symbole von {n} Einträgen wurden weggelassen (unbekannte Bildart oder zu groß).</translation>
    </message>
    <message>
        <source>Its groups are not a list</source>
        <translation>Die Gruppen sind keine Liste</translation>
    </message>
    <message>
        <source>Its tags are not a list</source>
        <translation>Die Tags sind keine Liste</translation>
    </message>
    <message>
        <source>Its type {kind} is unknown</source>
        <translation>Der Typ {kind} ist unbekannt</translation>
    </message>
    <message>
        <source>Its IV does not have 16 bytes</source>
        <translation>Der IV hat nicht 16 Bytes</translation>
    </message>
    <message>
        <source>Its encrypted secret is not valid Base64</source>
        <translation>Der verschlüsselte geheime Schlüssel ist kein gültiges Base64</translation>
    </message>
    <message>
        <source>Its secret cannot be decrypted with this password</source>
        <translation>Der geheime Schlüssel lässt sich mit diesem Passwort nicht entschlüsseln</translation>
    </message>
    <message>
        <source>Its IV is not valid hex</source>
        <translation>Der IV ist kein gültiges Hex</translation>
    </message>
    <message>
        <source>Its masked value is too long</source>
        <translation>Der maskierte Wert ist zu lang</translation>
    </message>
    <message>
        <source>Its masked value is not valid hex</source>
        <translation>Der maskierte Wert ist kein gültiges Hex</translation>
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
        <source>Its TOTP field holds an unknown kind of link</source>
        <translation>Das TOTP-Feld enthält eine unbekannte Art von Link</translation>
    </message>
    <message>
        <source>1 item without a TOTP key was ignored.</source>
        <translation>1 Element ohne TOTP-Schlüssel wurde ignoriert.</translation>
    </message>
    <message>
        <source>{n} items without a TOTP key were ignored.</source>
        <translation>{n} Elemente ohne TOTP-Schlüssel wurden ignoriert.</translation>
    </message>
    <message>
        <source>secret</source>
        <translation>geheimer Schlüssel</translation>
    </message>
    <message>
        <source>type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>algorithm</source>
        <translation>Algorithmus</translation>
    </message>
    <message>
        <source>digits</source>
        <translation>Stellen</translation>
    </message>
    <message>
        <source>period</source>
        <translation>Intervall</translation>
    </message>
    <message>
        <source>counter</source>
        <translation>Zähler</translation>
    </message>
    <message>
        <source>issuer</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>icon</source>
        <translation>Symbol</translation>
    </message>
    <message>
        <source>meta</source>
        <translation>Anmerkungen</translation>
    </message>
    <message>
        <source>uri</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Its data is malformed ({error})</source>
        <translation>Die Daten sind fehlerhaft aufgebaut ({error})</translation>
    </message>
    <message>
        <source>its {field} is not a whole number</source>
        <translation>das Feld „{field}“ ist keine ganze Zahl</translation>
    </message>
    <message>
        <source>its {field} is not text</source>
        <translation>das Feld „{field}“ ist kein Text</translation>
    </message>
    <message>
        <source>its algorithm MD5 is not supported</source>
        <translation>der Algorithmus MD5 wird nicht unterstützt</translation>
    </message>
    <message>
        <source>its type {kind} is unknown</source>
        <translation>der Typ {kind} ist unbekannt</translation>
    </message>
    <message>
        <source>This app does not support {kind} codes</source>
        <translation>Diese App unterstützt keine {kind}-Codes</translation>
    </message>
    <message>
        <source>It is not an object</source>
        <translation>Der Eintrag ist kein Objekt</translation>
    </message>
    <message>
        <source>{reason} ({field})</source>
        <translation>{reason} ({field})</translation>
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
        <source>It has no code secret (sign-in approved by notification only)</source>
        <translation>Der Eintrag hat keinen geheimen Schlüssel für Codes (Anmeldung nur per Benachrichtigung bestätigt)</translation>
    </message>
    <message>
        <source>It is a sign-in approved by notification only; it has no code</source>
        <translation>Der Eintrag ist eine Anmeldung, die nur per Benachrichtigung bestätigt wird; er hat keinen Code</translation>
    </message>
    <message>
        <source>Duo Mobile account file</source>
        <translation>Duo-Mobile-Kontodatei</translation>
    </message>
    <message>
        <source>It is a Duo Push account without a code secret</source>
        <translation>Der Eintrag ist ein Duo-Push-Konto ohne geheimen Schlüssel für Codes</translation>
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
        <source>Its secret is missing</source>
        <translation>Der geheime Schlüssel fehlt</translation>
    </message>
    <message>
        <source>Its secret is not a list of bytes</source>
        <translation>Der geheime Schlüssel ist keine Liste von Bytes</translation>
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
        <source>Its key is missing from the backup</source>
        <translation>Der Schlüssel fehlt in der Sicherung</translation>
    </message>
    <message>
        <source>Its key does not decrypt (the backup is damaged)</source>
        <translation>Der Schlüssel lässt sich nicht entschlüsseln (die Sicherung ist beschädigt)</translation>
    </message>
    <message>
        <source>Its key is damaged</source>
        <translation>Der Schlüssel ist beschädigt</translation>
    </message>
    <message>
        <source>Its data is not a token</source>
        <translation>Die Daten sind kein Token</translation>
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
        <source>It has no content</source>
        <translation>Der Eintrag hat keinen Inhalt</translation>
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
        <source>Its secret is empty</source>
        <translation>Der geheime Schlüssel ist leer</translation>
    </message>
    <message>
        <source>Its secret is not valid Base64</source>
        <translation>Der geheime Schlüssel ist kein gültiges Base64</translation>
    </message>
    <message>
        <source>Its secret is not valid hex</source>
        <translation>Der geheime Schlüssel ist kein gültiges Hex</translation>
    </message>
    <message>
        <source>Steam Guard file</source>
        <translation>Steam-Guard-Datei</translation>
    </message>
    <message>
        <source>It has no shared secret</source>
        <translation>Der Eintrag hat keinen gemeinsamen geheimen Schlüssel</translation>
    </message>
    <message>
        <source>Stratum / Authenticator Pro backup</source>
        <translation>Stratum-/Authenticator-Pro-Sicherung</translation>
    </message>
    <message>
        <source>Its algorithm is unknown</source>
        <translation>Der Algorithmus ist unbekannt</translation>
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
        <source>It is in ente Auth&apos;s trash</source>
        <translation>Der Eintrag liegt im Papierkorb von ente Auth</translation>
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
        <source>Line {number}</source>
        <translation>Zeile {number}</translation>
    </message>
    <message>
        <source>Google export code {index} of {size}</source>
        <translation>Google-Export-Code {index} von {size}</translation>
    </message>
    <message>
        <source>This code of the export is not in the file; its accounts are missing</source>
        <translation>Dieser Code des Exports ist nicht in der Datei; seine Konten fehlen</translation>
    </message>
    <message>
        <source>TOTP Authenticator backup</source>
        <translation>TOTP-Authenticator-Sicherung</translation>
    </message>
    <message>
        <source>Its secret encoding (base {base}) is unknown</source>
        <translation>Die Kodierung des geheimen Schlüssels (Basis {base}) ist unbekannt</translation>
    </message>
    <message>
        <source>2FAS backup</source>
        <translation>2FAS-Sicherung</translation>
    </message>
    <message>
        <source>Its group is not text</source>
        <translation>Die Gruppe ist kein Text</translation>
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
