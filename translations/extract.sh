#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# SPDX-FileCopyrightText: 2026 GHE License Console authors
#
# Extracts every i18n string from app/ and ui/ (sources and .ui forms) into
# translations/ghe-license-console.pot and merges it into each translations/<lang>/*.po.
# New strings arrive untranslated, changed ones fuzzy; translate them, then run the tests.
#
#   translations/extract.sh            (needs gettext: xgettext, msgmerge)
#   translations/extract.sh --pot FILE (only writes the template to FILE; the catalog test uses it)
set -euo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
pot_only=
if [ "${1:-}" = --pot ]; then pot_only=$(realpath -m "$2"); fi
cd "$top"
domain=ghe-license-console
pot=${pot_only:-translations/$domain.pot}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

find app ui -name '*.cpp' -o -name '*.h' | LC_ALL=C sort > "$tmp/files"
# .ui forms: their <string> elements become i18nc calls that xgettext understands.
while IFS= read -r ui; do
    python3 - "$ui" >> "$tmp/rc.cpp" <<'PY'
import sys, xml.etree.ElementTree as ET
for el in ET.parse(sys.argv[1]).iter('string'):
    if el.text and el.get('notr') != 'true':
        ctx = el.get('comment') or '@label'
        text = el.text.replace('\\', '\\\\').replace('"', '\\"').replace('\n', '\\n')
        print('i18nc("%s", "%s");' % (ctx, text))
PY
done < <(find ui -name '*.ui' | LC_ALL=C sort)
[ -s "$tmp/rc.cpp" ] && echo "$tmp/rc.cpp" >> "$tmp/files"

xgettext --c++ --kde --from-code=UTF-8 --package-name="$domain" --msgid-bugs-address=https://ghelicenseconsole.org/issues \
    --add-comments=i18n: --sort-by-file -o "$pot" -f "$tmp/files" \
    -ci18n -ki18n:1 -ki18nc:1c,2 -ki18np:1,2 -ki18ncp:1c,2,3 \
    -kki18n:1 -kki18nc:1c,2 -kki18np:1,2 -kki18ncp:1c,2,3 \
    -kkli18n:1 -kkli18nc:1c,2 -kkli18np:1,2 -kkli18ncp:1c,2,3 \
    -kxi18n:1 -kxi18nc:1c,2 -kxi18np:1,2 -kxi18ncp:1c,2,3
sed -i -e 's/charset=CHARSET/charset=UTF-8/' "$pot"
[ -n "$pot_only" ] && exit 0

for po in translations/*/"$domain".po; do
    msgmerge --quiet --update --backup=none --no-fuzzy-matching "$po" "$pot"
    msgattrib --no-obsolete -o "$po" "$po"
    stats=$(LC_ALL=C msgfmt --statistics -o /dev/null "$po" 2>&1)
    echo "$po: $stats"
done
