#!/usr/bin/env bash
# Makes the fixtures in ../published from the report texts in src/, the
# ways published reports are made. Run it again after changing src/ or
# gen.go; the results are committed (CI installs none of these tools).
#
# Needs (Debian 12): apt-get install -y chromium fonts-noto-cjk
#   libreoffice-writer poppler-utils qpdf img2pdf zip
# and Go for gen.go. Run from anywhere: ./make.sh
set -euo pipefail
cd "$(dirname "$0")"
build=$(mktemp -d)
trap 'rm -rf "$build"' EXIT

# Sources for LibreOffice (.fodt) and Chromium (.html), and want/*.txt,
# the text a perfect reader gets.
mkdir -p want
go run gen.go "$build"
out=../published
mkdir -p "$out"

lo() { # lo FORMAT FILE...: convert with LibreOffice, into $build
	soffice --headless "-env:UserInstallation=file://$build/lo" --convert-to "$1" --outdir "$build" "${@:2}" >/dev/null 2>&1
}
chrome() { # chrome HTML PDF: print a page to PDF as a browser does (with its header and footer)
	chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
		--disable-component-update --disable-sync "--user-data-dir=$build/chrome" \
		"--print-to-pdf=$2" "file://$1" >/dev/null 2>&1
}

# A 公文-style work report written in a word processor: exported to PDF
# (running header, "- N -" page numbers, a table, a footnote, a page
# break) and saved as DOCX.
lo pdf "$build/qinghe_hospital.fodt"
lo docx "$build/qinghe_hospital.fodt"
cp "$build/qinghe_hospital.pdf" "$build/qinghe_hospital.docx" "$out"

# A notice printed from a browser: Chromium's Type 3 fonts, its date and
# title above each page and URL and n/N below.
chrome "$build/linshui_notice.html" "$out/linshui_notice.pdf"

# A scan: the LibreOffice PDF of a one-page brief rasterised (200 dpi,
# black and white, as office scanners save), as an image and as an
# image-only PDF.
lo pdf "$build/beiyuan_scan.fodt"
pdftoppm -r 200 -mono -png -singlefile "$build/beiyuan_scan.pdf" "$out/beiyuan_scan"
img2pdf --imgsize 200dpi -o "$out/beiyuan_scan.pdf" "$out/beiyuan_scan.png"

# A short memo in every other form: encrypted with an empty user password
# (opens: AES-256 and RC4-128), with a password (does not), truncated,
# mixed with a scanned page, as legacy Word .doc, as an HTML page saved
# under a .doc name, and as OOXML under WPS's .wps name.
lo pdf "$build/shuiwu_memo.fodt"
lo doc "$build/shuiwu_memo.fodt"
lo docx "$build/shuiwu_memo.fodt"
qpdf "$build/shuiwu_memo.pdf" --encrypt "" owner 256 -- "$out/shuiwu_memo_aes256.pdf"
qpdf "$build/shuiwu_memo.pdf" --allow-weak-crypto --encrypt "" owner 128 --use-aes=n -- "$out/shuiwu_memo_rc4.pdf"
qpdf "$build/shuiwu_memo.pdf" --encrypt secret owner 256 -- "$out/bad_password.pdf"
head -c 3000 "$build/shuiwu_memo.pdf" >"$out/bad_truncated.pdf"
qpdf --empty --pages "$build/shuiwu_memo.pdf" "$out/beiyuan_scan.pdf" -- "$out/mixed_scan.pdf"
cp "$build/shuiwu_memo.doc" "$out/legacy_memo.doc"
cp "$build/shuiwu_memo.html" "$out/web_memo.doc"
cp "$build/shuiwu_memo.docx" "$out/wps_memo.wps"

# Files that only look like what they are called.
(cd "$build" && printf '这不是文档。\n' >note.txt && zip -q notdocx.zip note.txt)
cp "$build/notdocx.zip" "$out/bad_notdocx.docx"
printf '这份“PDF”其实是一段文字。\n' >"$out/bad_notpdf.pdf"

ls -l "$out"
