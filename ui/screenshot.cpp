// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "screenshot.h"

#include "glc_ui_debug.h"

#include <QCoreApplication>
#include <QDir>
#include <QLayout>
#include <QPixmap>
#include <QWidget>

QString Screenshot::save(QWidget *widget, const QString &directory, const QString &name)
{
    if (!widget || name.isEmpty() || !QDir().mkpath(directory)) {
        return {};
    }
    widget->ensurePolished();
    if (widget->layout()) {
        widget->layout()->activate();
    }
    // Let pending layout requests and deferred deletions settle so the picture shows the final state.
    QCoreApplication::sendPostedEvents();
    const QString path =
        QDir(directory).filePath(name.endsWith(QLatin1String(".png")) ? name : name + QStringLiteral(".png"));
    const QPixmap pixmap = widget->grab();
    if (pixmap.isNull() || !pixmap.save(path, "PNG")) {
        qCWarning(GLC_UI) << "could not write screenshot" << path;
        return {};
    }
    return path;
}
