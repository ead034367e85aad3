// SPDX-License-Identifier: GPL-2.0-or-later
// Must NOT compile with glc_core's include path: QtWidgets is not reachable from app/.
#include <QWidget>
int probe()
{
    return sizeof(QWidget);
}
