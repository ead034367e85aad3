#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
# Fails when the desktop file or the AppStream metainfo in resources/ lacks a Simplified Chinese
# translation: every translatable key of the desktop entry (Name, GenericName, Comment, Keywords) needs
# KEY[zh_CN]; every translatable element of the metainfo (name, summary, each paragraph and list item of
# the description, the developer's name stays as it is) needs a sibling with xml:lang="zh-CN" (or zh_CN)
# right after it. A translation must differ from the English and contain Chinese characters.
#
#   checkdesktopfiles.py SOURCE_DIR      checks resources/*.desktop and resources/*.metainfo.xml
#   checkdesktopfiles.py --self-test     shows that the checks catch each kind of gap
import glob, os, re, sys, xml.etree.ElementTree as ET

LANGS = ("zh_CN", "zh-CN")
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
DESKTOP_KEYS = ("Name", "GenericName", "Comment", "Keywords")


def chinese(text):
    return re.search(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]", text or "") is not None


def judge(where, english, translated):
    if translated is None:
        return ["%s: no zh_CN translation" % where]
    if not translated.strip():
        return ["%s: empty zh_CN translation" % where]
    if translated.strip() == english.strip() or not chinese(translated):
        return ["%s: zh_CN translation is not Chinese: %r" % (where, translated)]
    return []


def check_desktop(text, name="desktop file"):
    problems, entries, group = [], {}, None
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            group = line
            continue
        if group == "[Desktop Entry]" and "=" in line:
            key, value = line.split("=", 1)
            entries[key.strip()] = value.strip()
    if not any(k in entries for k in DESKTOP_KEYS):
        problems.append("%s: no [Desktop Entry] with Name" % name)
    for key in DESKTOP_KEYS:
        if key in entries:
            translated = next((entries[k] for k in ("%s[%s]" % (key, l) for l in LANGS) if k in entries), None)
            problems += judge("%s: %s" % (name, key), entries[key], translated)
    return problems


def text_of(element):
    return " ".join("".join(element.itertext()).split())


def check_siblings(parent, tag, where):
    """Each English <tag> child of parent is followed (before the next English one) by a zh-CN one."""
    problems, pending = [], None
    count = 0
    for child in list(parent):
        if child.tag != tag:
            continue
        lang = child.get(XML_LANG)
        if lang is None:
            if pending is not None:
                problems += judge(pending[0], pending[1], None)
            count += 1
            pending = ("%s <%s> #%d" % (where, tag, count), text_of(child))
        elif lang in LANGS and pending is not None:
            problems += judge(pending[0], pending[1], text_of(child))
            pending = None
    if pending is not None:
        problems += judge(pending[0], pending[1], None)
    return problems, count


def check_metainfo(text, name="metainfo"):
    problems = []
    root = ET.fromstring(text)
    for tag in ("name", "summary"):
        found, count = check_siblings(root, tag, name)
        problems += found
        if count == 0:
            problems.append("%s: no <%s>" % (name, tag))
    paragraphs = 0
    for description in root.iter("description"):
        found, count = check_siblings(description, "p", name + " description")
        problems += found
        paragraphs += count
        for lists in ("ul", "ol"):
            for items in description.iter(lists):
                found, count = check_siblings(items, "li", name + " description " + lists)
                problems += found
                paragraphs += count
    if paragraphs == 0:
        problems.append("%s: no description paragraphs" % name)
    return problems


def self_test():
    good_desktop = "[Desktop Entry]\nName=Console\nName[zh_CN]=控制台\nComment=Keep order\nComment[zh_CN]=管理\n"
    assert check_desktop(good_desktop) == [], check_desktop(good_desktop)
    for broken in (good_desktop.replace("Name[zh_CN]=控制台\n", ""),
                   good_desktop.replace("Comment[zh_CN]=管理", "Comment[zh_CN]="),
                   good_desktop.replace("Comment[zh_CN]=管理", "Comment[zh_CN]=Keep order"),
                   good_desktop + "GenericName=Manager\n",
                   good_desktop + "Keywords=GitHub;\nKeywords[de]=GitHub;\n"):
        assert check_desktop(broken), broken
    good_meta = ('<component><name>Console</name><name xml:lang="zh-CN">控制台</name>'
                 '<summary>Order</summary><summary xml:lang="zh_CN">管理</summary>'
                 '<description><p>One</p><p xml:lang="zh-CN">一</p><p>Two</p><p xml:lang="zh-CN">二</p>'
                 '<ul><li>A</li><li xml:lang="zh-CN">甲</li></ul></description></component>')
    assert check_metainfo(good_meta) == [], check_metainfo(good_meta)
    for broken in (good_meta.replace('<name xml:lang="zh-CN">控制台</name>', ""),
                   good_meta.replace('<summary xml:lang="zh_CN">管理</summary>', '<summary xml:lang="de">X</summary>'),
                   good_meta.replace('<p xml:lang="zh-CN">一</p>', ""),
                   good_meta.replace('<p xml:lang="zh-CN">二</p>', ""),
                   good_meta.replace('<p xml:lang="zh-CN">二</p>', '<p xml:lang="zh-CN">Two</p>'),
                   good_meta.replace('<li xml:lang="zh-CN">甲</li>', ""),
                   good_meta.replace('<ul>', '<ul><li>B</li>')):
        assert check_metainfo(broken), broken
    print("self-test: every kind of missing translation is caught")


def main():
    if sys.argv[1:] == ["--self-test"]:
        self_test()
        return 0
    src = sys.argv[1]
    desktops = sorted(glob.glob(os.path.join(src, "resources", "*.desktop")))
    metainfos = sorted(glob.glob(os.path.join(src, "resources", "*.metainfo.xml")))
    problems = []
    if not desktops:
        problems.append("no desktop file in resources/")
    if not metainfos:
        problems.append("no metainfo file in resources/")
    for path in desktops:
        problems += check_desktop(open(path, encoding="utf-8").read(), os.path.basename(path))
    for path in metainfos:
        problems += check_metainfo(open(path, encoding="utf-8").read(), os.path.basename(path))
    if problems:
        print("%d problem(s):\n%s" % (len(problems), "\n".join(problems)))
        return 1
    print("desktop file and metainfo translated into zh_CN: %s" %
          ", ".join(os.path.basename(p) for p in desktops + metainfos))
    return 0


if __name__ == "__main__":
    sys.exit(main())
