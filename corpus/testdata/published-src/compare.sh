#!/usr/bin/env bash
# Compares PDF text extractors (compare/main.go) on every report of src/
# printed both ways (LibreOffice and Chromium), on the committed encrypted
# fixtures, and, for speed, on the hospital report 200 times over (600
# pages) printed both ways. Needs what make.sh needs. Prints Markdown
# tables.
#
#	./compare.sh
set -euo pipefail
cd "$(dirname "$0")"
build=$(mktemp -d)
trap 'rm -rf "$build"' EXIT
go run gen.go "$build" long 200
mkdir -p "$build/lo" "$build/chromium"
soffice --headless "-env:UserInstallation=file://$build/profile" --convert-to pdf --outdir "$build/lo" "$build"/*.fodt >/dev/null 2>&1
for h in "$build"/*.html; do
	chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
		--disable-component-update --disable-sync "--user-data-dir=$build/chrome" \
		"--print-to-pdf=$build/chromium/$(basename "$h" .html).pdf" "file://$h" >/dev/null 2>&1
done
cd compare
go build -o "$build/compare" .
echo "## LibreOffice 7.4 (Type 1 CFF fonts, ToUnicode)"
"$build/compare" -want ../want -n 3 $(ls "$build"/lo/*.pdf | grep -v long)
echo
echo "## Chromium $(chromium --version 2>/dev/null | awk '{print $2}') headless print (Type 3 fonts, browser header and footer)"
"$build/compare" -want ../want -n 3 $(ls "$build"/chromium/*.pdf | grep -v long)
echo
echo "## Encrypted and damaged (committed fixtures)"
"$build/compare" -want ../want -n 3 ../../published/shuiwu_memo_aes256.pdf ../../published/shuiwu_memo_rc4.pdf \
	../../published/bad_password.pdf ../../published/bad_truncated.pdf
echo
echo "## Scans: the brief rasterised at 200 dpi (committed fixtures); baogao with -ocr (tesseract $(tesseract --version 2>&1 | awk 'NR==1 {print $2}'), chi_sim)"
"$build/compare" -want ../want -n 1 -ocr ../../published/beiyuan_scan.pdf ../../published/beiyuan_scan.png
echo
cp "$build/lo/long.pdf" "$build/long_libreoffice.pdf"
cp "$build/chromium/long.pdf" "$build/long_chromium.pdf"
echo "## Speed: the hospital report 200 times; no source text"
for f in "$build"/long_*.pdf; do echo "- $(basename "$f"): $(pdfinfo "$f" | awk '/^Pages/ {print $2}') pages, $(stat -c %s "$f") bytes"; done
echo
"$build/compare" -want /nonexistent -n 1 "$build/long_libreoffice.pdf" "$build/long_chromium.pdf"
