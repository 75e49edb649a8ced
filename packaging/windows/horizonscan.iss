; Inno Setup script for Horizonscan: a per-user install (no administrator rights needed), a Start-menu
; entry, and an uninstaller that keeps the user's data unless they ask to remove it.
; Built by packaging\build.ps1, which passes the values below from pyproject.toml (via appinfo.py).

#ifndef AppName
  #define AppName "Horizonscan"
#endif
#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef AppId
  #define AppId "nl.brabant.horizonscan"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\Horizonscan"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
#ifndef IconFile
  #define IconFile "..\..\build\icons\horizonscan.ico"
#endif

[Setup]
AppId={#AppId}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Provincie Noord-Brabant
DefaultDirName={localappdata}\Programs\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir={#OutputDir}
OutputBaseFilename={#AppName}-{#AppVersion}-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\horizonscan-desktop.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; an update installs over the old version: the data folder is elsewhere and is never touched
CloseApplications=yes

[Languages]
Name: "dutch"; MessagesFile: "compiler:Languages\Dutch.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; the old program files are replaced as a whole, so nothing of an older version lingers
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\horizonscan-desktop.exe"; WorkingDir: "{app}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\horizonscan-desktop.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\horizonscan-desktop.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[CustomMessages]
dutch.RemoveData=Wilt u ook uw Horizonscan-gegevens verwijderen (berichten, thema's, notities en weekoverzichten in %1)?%n%nKies Nee om ze te bewaren, bijvoorbeeld voor een nieuwe versie.
english.RemoveData=Also remove your Horizonscan data (items, themes, notes and digests in %1)?%n%nChoose No to keep them, for example for a new version.

[Code]
function DataDir(): String;
begin
  { where the app keeps its data by default: platformdirs' user data folder (store/paths.py) }
  Result := ExpandConstant('{localappdata}\Horizonscan');
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and DirExists(DataDir()) and not UninstallSilent() then
    if MsgBox(FmtMessage(CustomMessage('RemoveData'), [DataDir()]), mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES then
      DelTree(DataDir(), True, True, True);
end;
