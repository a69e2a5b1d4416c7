; Huimou's Windows installer, for makensis (Debian's `nsis`, or NSIS on Windows): installs for the
; current user (no administrator needed), with a Start-menu shortcut, the .ron file association
; and an entry in Apps & features. Its uninstaller removes all of these and keeps the reader's
; settings and log (%APPDATA%\huimou) unless asked: a question when run by hand, or
; /REMOVESETTINGS when silent (/S).
;
;   makensis -DEXE=$PWD/target/x86_64-pc-windows-gnu/dist/huimou.exe -DVERSION=0.1.0 \
;            -DOUTFILE=$PWD/target/packages/Huimou_0.1.0_x64-setup.exe assets/windows/huimou.nsi
;
; (makensis works in this folder: give EXE and OUTFILE as absolute paths.)
;
; -DCOMPRESSOR=zlib makes it faster and larger (CI); the default is solid LZMA.
; scripts/ci/windows-installer.sh builds it, installs it under Wine, runs what it installed,
; and uninstalls it.

Unicode true
; A 64-bit installer for a 64-bit program (and Wine without its 32-bit half runs it).
Target amd64-unicode

!ifndef EXE
  !error "give the program: -DEXE=path/to/huimou.exe"
!endif
!ifndef VERSION
  !define VERSION "0.1.0"
!endif
!ifndef OUTFILE
  !define OUTFILE "Huimou_${VERSION}_x64-setup.exe"
!endif
!ifdef COMPRESSOR
  SetCompressor /SOLID ${COMPRESSOR}
!else
  SetCompressor /SOLID lzma
!endif

!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"

!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Huimou"
!define CLASS "Huimou.Dataset"

Name "Huimou 回眸"
OutFile "${OUTFILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\Huimou"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
!define MUI_ICON "../icons/huimou.ico"
!define MUI_UNICON "../icons/huimou.ico"

!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "TradChinese"
!insertmacro MUI_LANGUAGE "English"

LangString KeepSettings ${LANG_SIMPCHINESE} "同时删除你的设置和日志（%APPDATA%\huimou）吗？选“否”则保留。"
LangString KeepSettings ${LANG_TRADCHINESE} "同時刪除你的設定和日誌（%APPDATA%\huimou）嗎？選「否」則保留。"
LangString KeepSettings ${LANG_ENGLISH} "Also remove your settings and log (%APPDATA%\huimou)? No keeps them."

Section "Huimou"
  SetOutPath "$INSTDIR"
  File "/oname=huimou.exe" "${EXE}"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateDirectory "$SMPROGRAMS\Huimou"
  CreateShortCut "$SMPROGRAMS\Huimou\Huimou 回眸.lnk" "$INSTDIR\huimou.exe" "" "$INSTDIR\huimou.exe" 0

  ; Datasets open with Huimou (for this user).
  WriteRegStr HKCU "Software\Classes\.ron" "" "${CLASS}"
  WriteRegStr HKCU "Software\Classes\${CLASS}" "" "Huimou dataset"
  WriteRegStr HKCU "Software\Classes\${CLASS}\DefaultIcon" "" "$INSTDIR\huimou.exe,0"
  WriteRegStr HKCU "Software\Classes\${CLASS}\shell\open\command" "" '"$INSTDIR\huimou.exe" "%1"'

  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "Huimou 回眸"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "Huimou"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\huimou.exe,0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  Delete "$INSTDIR\huimou.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\Huimou\Huimou 回眸.lnk"
  RMDir "$SMPROGRAMS\Huimou"

  ; .ron is left to whatever took it over since.
  ReadRegStr $0 HKCU "Software\Classes\.ron" ""
  ${If} $0 == "${CLASS}"
    DeleteRegKey HKCU "Software\Classes\.ron"
  ${EndIf}
  DeleteRegKey HKCU "Software\Classes\${CLASS}"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"

  ; The reader's settings, log and imported reports stay unless asked.
  ${GetParameters} $1
  ClearErrors
  ${GetOptions} $1 "/REMOVESETTINGS" $2
  ${IfNot} ${Errors}
    RMDir /r "$APPDATA\huimou"
  ${ElseIfNot} ${Silent}
    MessageBox MB_YESNO|MB_DEFBUTTON2 "$(KeepSettings)" /SD IDNO IDNO keep
      RMDir /r "$APPDATA\huimou"
    keep:
  ${EndIf}
SectionEnd
