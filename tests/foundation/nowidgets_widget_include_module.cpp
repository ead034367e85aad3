// SPDX-License-Identifier: GPL-2.0-or-later
// Must NOT compile with glc_core's include path, even spelled with the module prefix.
#include <QtWidgets/QPushButton>
int probe()
{
    return sizeof(QPushButton);
}
