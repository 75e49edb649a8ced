# Build the Horizonscan desktop app on Windows: one folder (PyInstaller) and an installer (Inno Setup).
# The twin of packaging/build.sh. Run from a clean checkout in PowerShell:
#
#   powershell -ExecutionPolicy Bypass -File packaging\build.ps1          # standard build
#   powershell -ExecutionPolicy Bypass -File packaging\build.ps1 -Full    # with torch + sentence-transformers
#
# Needs Python 3.11+ (py launcher) and, for the installer, Inno Setup 6 (ISCC.exe on PATH or in its
# default folder). Result: dist\Horizonscan\, dist\Horizonscan-<version>-setup.exe, dist\build-report.txt.
param([switch]$Full)
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
$Root = (Get-Location).Path
$Build = Join-Path $Root "build\packaging"
$Venv = Join-Path $Build "venv"
$Py = Join-Path $Venv "Scripts\python.exe"

function Step($text) { Write-Host "`n== $text" }
function Run { & $args[0] $args[1..($args.Length - 1)]; if ($LASTEXITCODE -ne 0) { throw "failed: $args" } }

Step "Python build environment ($Venv)"
if (-not (Test-Path $Py)) { Run py -3 -m venv $Venv }
Run $Py -m pip install --quiet --upgrade pip
if ($Full) {
    Run $Py -m pip install --quiet "torch==2.13.0"  # the CPU build on Windows
    Run $Py -m pip install --quiet ".[transformers]"
} else {
    Run $Py -m pip install --quiet .
}
Run $Py -m pip install --quiet "pyinstaller>=6.10,<7"

$Info = @{}
& $Py packaging\appinfo.py | ForEach-Object { if ($_ -match "^(\w+)='(.*)'$") { $Info[$Matches[1]] = $Matches[2] } }
Write-Host "$($Info.APP_NAME) $($Info.APP_VERSION)"

Step "Icons"
Run $Py packaging\make_icons.py (Join-Path $Root "build\icons")

Step "PyInstaller (a few minutes)"
$env:HORIZONSCAN_FULL = $(if ($Full) { "1" } else { "0" })
$env:HORIZONSCAN_ICON_DIR = Join-Path $Root "build\icons"
Push-Location $Build
Run $Py -m PyInstaller --noconfirm --clean --log-level WARN --distpath (Join-Path $Root "dist") `
    --workpath (Join-Path $Build "work") (Join-Path $Root "packaging\horizonscan.spec")
Pop-Location
$App = Join-Path $Root "dist\$($Info.APP_NAME)"
Set-Content -Path (Join-Path $App "VERSION") -Value $Info.APP_VERSION

Step "Installer (Inno Setup)"
$Iscc = (Get-Command ISCC.exe -ErrorAction SilentlyContinue).Source
if (-not $Iscc) { $Iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
if (Test-Path $Iscc) {
    Run $Iscc /Q "/DAppName=$($Info.APP_NAME)" "/DAppVersion=$($Info.APP_VERSION)" "/DAppId=$($Info.APP_ID)" `
        "/DSourceDir=$App" "/DOutputDir=$(Join-Path $Root 'dist')" "/DIconFile=$(Join-Path $Root 'build\icons\horizonscan.ico')" `
        packaging\windows\horizonscan.iss
} else {
    Write-Warning "Inno Setup 6 not found: the folder dist\$($Info.APP_NAME) is built, the installer is not."
}

Step "Report"
$SizeMB = [math]::Round(((Get-ChildItem $App -Recurse | Measure-Object Length -Sum).Sum / 1MB))
"$($Info.APP_NAME) $($Info.APP_VERSION), unpacked: $SizeMB MB ($App)" | Tee-Object (Join-Path $Root "dist\build-report.txt")
