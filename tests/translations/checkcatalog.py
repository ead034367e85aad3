#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
# Fails when translations/zh_CN lacks a translation for any string in the code (sources and .ui forms),
# has a fuzzy entry, or has the wrong plural header. Usage: checkcatalog.py SOURCE_DIR
import os, re, subprocess, sys, tempfile

src = sys.argv[1]
po_path = os.path.join(src, "translations/zh_CN/ghe-license-console.po")

def parse(path):
    entries = {}
    text = open(path, encoding="utf-8").read()
    for block in re.split(r"\n\s*\n", text):
        lines = [l for l in block.splitlines() if not l.startswith("#~")]
        flags = " ".join(l for l in lines if l.startswith("#,"))
        fields, cur = {}, None
        for l in lines:
            m = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?) (".*")$', l)
            if m:
                cur = m.group(1); fields[cur] = m.group(2)[1:-1]
            elif l.startswith('"') and cur:
                fields[cur] += l[1:-1]
        if "msgid" not in fields:
            continue
        key = (fields.get("msgctxt", ""), fields["msgid"])
        strs = [v for k, v in fields.items() if k.startswith("msgstr")]
        entries[key] = {"fuzzy": "fuzzy" in flags, "translated": bool(strs) and all(strs), "fields": fields}
    return entries

with tempfile.TemporaryDirectory() as tmp:
    pot = os.path.join(tmp, "code.pot")
    subprocess.run([os.path.join(src, "translations/extract.sh"), "--pot", pot], check=True)
    code = parse(pot)
catalog = parse(po_path)
header = catalog.get(("", ""), {}).get("fields", {}).get("msgstr", "")
problems = []
if "nplurals=1; plural=0;" not in header:
    problems.append("header: Plural-Forms must be 'nplurals=1; plural=0;' for zh_CN")
for key in sorted(k for k in code if k[1]):
    e = catalog.get(key)
    where = "[%s] %s" % key
    if e is None:
        problems.append("missing: " + where)
    elif e["fuzzy"]:
        problems.append("fuzzy: " + where)
    elif not e["translated"]:
        problems.append("untranslated: " + where)
for key, e in catalog.items():
    if key[1] and e["fuzzy"]:
        problems.append("fuzzy entry in catalog: [%s] %s" % key)
r = subprocess.run(["msgfmt", "--check", "-o", os.devnull, po_path], capture_output=True, text=True)
if r.returncode != 0:
    problems.append("msgfmt --check: " + r.stderr.strip())
print("%d strings in the code, %d entries in the catalog" % (len([k for k in code if k[1]]), len(catalog) - 1))
if problems:
    print("%d problem(s); run translations/extract.sh and translate:" % len(problems))
    print("\n".join(sorted(set(problems))))
    sys.exit(1)
print("zh_CN catalog complete")
