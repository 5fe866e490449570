package main

// ocrUsage is the help of -ocr, a flag of run and extract.
const ocrUsage = "read scanned PDF pages and page images (.png .jpg .tif .bmp) with OCR: tesseract with Simplified Chinese (Debian: apt-get install tesseract-ocr tesseract-ocr-chi-sim); without it, or without -ocr, scans are skipped with a problem that says so"
