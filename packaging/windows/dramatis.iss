; Inno Setup script for Dramatis on Windows: installs dist\dramatis\ built by `make package`
; (PyInstaller on Windows), a Start menu entry, and "Open with Dramatis" for the files it
; reads. Not built or tried yet: see docs/PACKAGING.md. Compile with
;   iscc /DAppVersion=0.1.0 packaging\windows\dramatis.iss
; The executable's icon comes from the spec (packaging/icons.py --ico).

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6F0C4E7B-2C51-4C2E-9E7A-3B1D5A7C9E01}
AppName=Dramatis
AppVersion={#AppVersion}
DefaultDirName={autopf}\Dramatis
DefaultGroupName=Dramatis
; Per-user by default (no administrator rights), like install.sh on Linux.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputBaseFilename=dramatis-{#AppVersion}-windows-x86_64-setup
OutputDir=..\..\dist
SourceDir=..\..\dist\dramatis
ChangesAssociations=yes
UninstallDisplayIcon={app}\dramatis.exe
ArchitecturesInstallIn64BitMode=x64compatible

[Files]
Source: "*"; DestDir: "{app}"; Flags: recursesubdirs createallsubdirs ignoreversion; Excludes: "install.sh,uninstall.sh,share\*"

[Icons]
Name: "{group}\Dramatis"; Filename: "{app}\dramatis.exe"
Name: "{group}\Uninstall Dramatis"; Filename: "{uninstallexe}"

[Tasks]
Name: "default"; Description: "Make Dramatis the default program for these files"; Flags: unchecked

; One ProgID for articles; every extension lists it under OpenWithProgids (the "Open with"
; menu) and, only when the task is chosen, as its default.
[Registry]
Root: HKA; Subkey: "Software\Classes\Dramatis.Article"; ValueType: string; ValueData: "News article"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Dramatis.Article\DefaultIcon"; ValueType: string; ValueData: "{app}\dramatis.exe,0"
Root: HKA; Subkey: "Software\Classes\Dramatis.Article\shell\open\command"; ValueType: string; ValueData: """{app}\dramatis.exe"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\dramatis.exe\SupportedTypes"; ValueType: string; ValueName: ".txt"; ValueData: ""; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\dramatis.exe\SupportedTypes"; ValueType: string; ValueName: ".md"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\dramatis.exe\SupportedTypes"; ValueType: string; ValueName: ".html"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\dramatis.exe\SupportedTypes"; ValueType: string; ValueName: ".htm"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\dramatis.exe\SupportedTypes"; ValueType: string; ValueName: ".pdf"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\dramatis.exe\SupportedTypes"; ValueType: string; ValueName: ".docx"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\.txt\OpenWithProgids"; ValueType: string; ValueName: "Dramatis.Article"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.md\OpenWithProgids"; ValueType: string; ValueName: "Dramatis.Article"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.html\OpenWithProgids"; ValueType: string; ValueName: "Dramatis.Article"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.htm\OpenWithProgids"; ValueType: string; ValueName: "Dramatis.Article"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.pdf\OpenWithProgids"; ValueType: string; ValueName: "Dramatis.Article"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.docx\OpenWithProgids"; ValueType: string; ValueName: "Dramatis.Article"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.md"; ValueType: string; ValueData: "Dramatis.Article"; Tasks: default; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.txt"; ValueType: string; ValueData: "Dramatis.Article"; Tasks: default; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.html"; ValueType: string; ValueData: "Dramatis.Article"; Tasks: default; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.htm"; ValueType: string; ValueData: "Dramatis.Article"; Tasks: default; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.pdf"; ValueType: string; ValueData: "Dramatis.Article"; Tasks: default; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.docx"; ValueType: string; ValueData: "Dramatis.Article"; Tasks: default; Flags: uninsdeletevalue
