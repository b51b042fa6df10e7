; Inno Setup 6 script for Desktop Authenticator (Windows x64).
;
; Built by packaging/release.py on Windows, after the frozen app passed its self-test:
;   ISCC.exe /DAppVersion=0.1.0 /DBundleDir=dist\desktop-authenticator ^
;            /DIconFile=build\desktop-authenticator.ico /Odist packaging\windows\desktop-authenticator.iss
; Installs per user or for all users (the user chooses), adds a Start-menu entry (and optionally a
; desktop icon), registers an uninstaller in "Apps & features", and puts the command-line program
; desktop-authenticator.exe in the install folder (the Start-menu entry runs the windowed
; desktop-authenticator-gui.exe, so no console window opens). CI installs it silently and runs
; the installed desktop-authenticator.exe --self-test (.github/workflows/release.yml).

#ifndef AppVersion
  #error Pass /DAppVersion=<version from pyproject.toml>
#endif
#ifndef BundleDir
  #define BundleDir "..\..\dist\desktop-authenticator"
#endif
#ifndef IconFile
  #define IconFile "..\..\build\desktop-authenticator.ico"
#endif

#define AppName "Desktop Authenticator"
#define AppExeName "desktop-authenticator-gui.exe"

[Setup]
; A fixed AppId: upgrades replace the previous version instead of installing next to it.
AppId={{1FEFBD48-1BF2-5504-9DEE-C158E75478F6}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Desktop Authenticator developers
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputBaseFilename=desktop-authenticator-{#AppVersion}-windows-x64-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\{#AppExeName}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExeName}"; AppUserModelID: "net.emnify.DesktopAuthenticator"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Files the program may create next to itself; the user's vault lives in %APPDATA% and stays.
Type: filesandordirs; Name: "{app}\_internal\__pycache__"
