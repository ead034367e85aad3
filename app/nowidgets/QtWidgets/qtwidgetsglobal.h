// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 GHE License Console authors
//
// Every QtWidgets header includes <QtWidgets/qtwidgetsglobal.h>. This directory comes first on
// app/'s include path, so a widget header in the core library stops the build here.
#error "app/ is the widget-free core library: QtWidgets belongs in ui/"
