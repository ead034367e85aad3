// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "connectiondialog.h"

#include "filedialogs.h"
#include "github/githubclient.h"
#include "statuscolors.h"
#include "widgetutil.h"

#include <KLocalizedString>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHostAddress>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTimer>
#include <QUuid>
#include <QVBoxLayout>
#include <QtConcurrentRun>

namespace {
QLineEdit *makeEdit(
    const QString &objectName, const QString &accessibleName, const QString &placeholder, QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    edit->setPlaceholderText(placeholder);
    return edit;
}

QPushButton *makeBrowse(const QString &objectName, const QString &accessibleName, QWidget *parent)
{
    auto *button = new QPushButton(
        QIcon::fromTheme(QStringLiteral("document-open")), i18nc("@action:button choose a file", "Browse…"), parent);
    button->setObjectName(objectName);
    button->setAccessibleName(accessibleName);
    return button;
}

QWidget *withButton(QWidget *edit, QWidget *button, QWidget *parent)
{
    auto *row = new QWidget(parent);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    layout->addWidget(button);
    return row;
}

QFormLayout *makeForm(QWidget *page)
{
    auto *form = new QFormLayout(page);
    form->setContentsMargins(0, 0, 0, 0);
    // Long translated labels wrap rather than squeezing the fields.
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    return form;
}

/// A row whose label's mnemonic focuses `buddy`; `field` is the row's widget when it holds more than that.
void addBuddyRow(QFormLayout *form, const QString &text, QWidget *buddy, QWidget *field = nullptr)
{
    auto *label = new QLabel(text, buddy->parentWidget());
    label->setBuddy(buddy);
    form->addRow(label, field ? field : buddy);
}
} // namespace

ConnectionDialog::ConnectionDialog(QWidget *parent)
    : QDialog(parent)
    , m_name(makeEdit(QStringLiteral("nameField"), i18nc("@label accessible name", "Connection name"),
          i18nc("@info:placeholder", "e.g. Production enterprise"), this))
    , m_kind(new QComboBox(this))
    , m_cloudPage(new QWidget(this))
    , m_githubCom(new QRadioButton(i18nc("@option:radio", "&github.com"), m_cloudPage))
    , m_gheCom(new QRadioButton(i18nc("@option:radio", "GHE.com su&bdomain:"), m_cloudPage))
    , m_subdomain(makeEdit(QStringLiteral("subdomainField"), i18nc("@label accessible name", "GHE.com subdomain"),
          i18nc("@info:placeholder", "SUBDOMAIN of SUBDOMAIN.ghe.com"), m_cloudPage))
    , m_slug(makeEdit(QStringLiteral("slugField"), i18nc("@label accessible name", "Enterprise slug"),
          i18nc("@info:placeholder", "the SLUG in github.com/enterprises/SLUG"), m_cloudPage))
    , m_serverPage(new QWidget(this))
    , m_host(makeEdit(QStringLiteral("hostField"), i18nc("@label accessible name", "Server host"),
          i18nc("@info:placeholder", "ghe.example.com"), m_serverPage))
    , m_serverSlug(
          makeEdit(QStringLiteral("serverSlugField"), i18nc("@label accessible name", "Enterprise slug on the server"),
              i18nc("@info:placeholder", "optional"), m_serverPage))
    , m_caFile(makeEdit(QStringLiteral("caFileField"), i18nc("@label accessible name", "CA certificate file"),
          i18nc("@info:placeholder", "optional: PEM file of a private certificate authority"), m_serverPage))
    , m_caBrowse(makeBrowse(QStringLiteral("caFileBrowseButton"),
          i18nc("@action:button", "Choose the CA certificate file"), m_serverPage))
    , m_adminShell(new QGroupBox(i18nc("@title:group", "Use the &administrative shell (ssh) for export"), m_serverPage))
    , m_shellUser(makeEdit(QStringLiteral("shellUserField"), i18nc("@label accessible name", "Admin shell user"),
          QStringLiteral("admin"), m_adminShell))
    , m_shellPort(new QSpinBox(m_adminShell))
    , m_identityFile(makeEdit(QStringLiteral("identityFileField"), i18nc("@label accessible name", "Identity file"),
          i18nc("@info:placeholder", "optional: your ssh keys and agent are used otherwise"), m_adminShell))
    , m_identityBrowse(makeBrowse(QStringLiteral("identityFileBrowseButton"),
          i18nc("@action:button", "Choose the identity file"), m_adminShell))
    , m_shellCommand(makeEdit(QStringLiteral("shellCommandField"), i18nc("@label accessible name", "Export command"),
          i18nc("@info:placeholder", "optional: chosen from the installed version"), m_adminShell))
    , m_labPage(new QWidget(this))
    , m_externalLab(new QCheckBox(i18nc("@option:check", "Use an e&xternal lab"), m_labPage))
    , m_labUrl(makeEdit(QStringLiteral("labUrlField"), i18nc("@label accessible name", "External lab address"),
          i18nc("@info:placeholder", "http://127.0.0.1:4123"), m_labPage))
    , m_token(makeEdit(QStringLiteral("tokenField"), i18nc("@label accessible name", "Access token"),
          i18nc("@info:placeholder", "personal access token"), this))
    , m_validationLabel(new QLabel(this))
    , m_testButton(new QPushButton(this))
    , m_testStatus(new QLabel(this))
    , m_report(new QWidget(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
    , m_chooser([](QWidget *parent, const QString &title) { return Glc::FileDialogs::openFileName(parent, title, {}); })
    , m_caFileTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("connectionDialog"));
    setWindowTitle(i18nc("@title:window", "Connection"));

    m_kind->setObjectName(QStringLiteral("kindCombo"));
    m_kind->setAccessibleName(i18nc("@label accessible name", "Connection kind"));
    m_kind->addItem(
        i18nc("@item:inlistbox connection kind", "License lab (built in)"), int(Glc::Connection::Kind::Lab));
    m_kind->addItem(
        i18nc("@item:inlistbox connection kind", "GitHub Enterprise Cloud"), int(Glc::Connection::Kind::Cloud));
    m_kind->addItem(
        i18nc("@item:inlistbox connection kind", "GitHub Enterprise Server"), int(Glc::Connection::Kind::Server));

    // Cloud
    m_cloudPage->setObjectName(QStringLiteral("cloudPage"));
    m_githubCom->setObjectName(QStringLiteral("githubComRadio"));
    m_gheCom->setObjectName(QStringLiteral("gheComRadio"));
    m_githubCom->setChecked(true);
    m_subdomain->setEnabled(false);
    auto *cloudForm = makeForm(m_cloudPage);
    auto *hostRow = new QWidget(m_cloudPage);
    auto *hostRowLayout = new QHBoxLayout(hostRow);
    hostRowLayout->setContentsMargins(0, 0, 0, 0);
    hostRowLayout->addWidget(m_githubCom);
    hostRowLayout->addWidget(m_gheCom);
    hostRowLayout->addWidget(m_subdomain, 1);
    hostRowLayout->addWidget(new QLabel(QStringLiteral(".ghe.com"), hostRow));
    cloudForm->addRow(i18nc("@label", "Where:"), hostRow);
    addBuddyRow(cloudForm, i18nc("@label:textbox", "Enterprise &slug:"), m_slug);

    // Server
    m_serverPage->setObjectName(QStringLiteral("serverPage"));
    auto *serverForm = makeForm(m_serverPage);
    addBuddyRow(serverForm, i18nc("@label:textbox", "&Host:"), m_host);
    addBuddyRow(serverForm, i18nc("@label:textbox", "Enterprise s&lug:"), m_serverSlug);
    addBuddyRow(serverForm, i18nc("@label:textbox", "CA certi&ficate:"), m_caFile,
        withButton(m_caFile, m_caBrowse, m_serverPage));
    m_adminShell->setObjectName(QStringLiteral("adminShellGroup"));
    m_adminShell->setCheckable(true);
    m_adminShell->setChecked(false);
    m_adminShell->setAccessibleName(i18nc("@label accessible name", "Use the administrative shell for export"));
    m_shellPort->setObjectName(QStringLiteral("shellPortSpin"));
    m_shellPort->setAccessibleName(i18nc("@label accessible name", "Admin shell port"));
    m_shellPort->setRange(1, 65535);
    m_shellPort->setValue(122);
    m_shellUser->setText(QStringLiteral("admin"));
    auto *shellForm = new QFormLayout(m_adminShell);
    shellForm->setRowWrapPolicy(QFormLayout::WrapLongRows);
    addBuddyRow(shellForm, i18nc("@label:textbox", "&User:"), m_shellUser);
    addBuddyRow(shellForm, i18nc("@label:spinbox", "&Port:"), m_shellPort);
    addBuddyRow(shellForm, i18nc("@label:textbox", "&Identity file:"), m_identityFile,
        withButton(m_identityFile, m_identityBrowse, m_adminShell));
    addBuddyRow(shellForm, i18nc("@label:textbox", "Co&mmand:"), m_shellCommand);
    serverForm->addRow(m_adminShell);

    // Lab
    m_labPage->setObjectName(QStringLiteral("labPage"));
    m_externalLab->setObjectName(QStringLiteral("externalLabCheck"));
    m_labUrl->setEnabled(false);
    auto *labForm = makeForm(m_labPage);
    auto *labInfo = new QLabel(
        i18nc("@info", "The built-in lab simulates an enterprise with Enterprise Server instances; no token needed."),
        m_labPage);
    labInfo->setWordWrap(true);
    labForm->addRow(labInfo);
    labForm->addRow(m_externalLab);
    addBuddyRow(labForm, i18nc("@label:textbox", "Lab a&ddress:"), m_labUrl);

    // Common
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setAccessibleDescription(i18nc("@info accessible description, %1 a keyboard shortcut",
        "Stored in the system keychain, never in the settings. %1 shows or hides it.",
        QKeySequence(Qt::ALT | Qt::Key_V).toString(QKeySequence::NativeText)));
    QAction *reveal =
        m_token->addAction(QIcon::fromTheme(QStringLiteral("password-show-on")), QLineEdit::TrailingPosition);
    reveal->setObjectName(QStringLiteral("revealTokenAction"));
    reveal->setCheckable(true);
    // The field's buttons take no focus: a shortcut reaches it from the keyboard, and says what it does now.
    reveal->setShortcut(QKeySequence(Qt::ALT | Qt::Key_V));
    // (Text on the action would make the field's icon button want room for it: the tooltip says it.)
    const auto describeReveal = [reveal](bool shown) {
        reveal->setIcon(
            QIcon::fromTheme(shown ? QStringLiteral("password-show-off") : QStringLiteral("password-show-on")));
        reveal->setToolTip(i18nc("@info:tooltip %1 what the button does, %2 its keyboard shortcut", "%1 (%2)",
            shown ? i18nc("@action", "Hide the token") : i18nc("@action", "Show the token"),
            reveal->shortcut().toString(QKeySequence::NativeText)));
    };
    describeReveal(false);
    connect(reveal, &QAction::toggled, m_token, [this, describeReveal](bool shown) {
        m_token->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
        describeReveal(shown);
    });
    m_validationLabel->setObjectName(QStringLiteral("validationLabel"));
    m_validationLabel->setWordWrap(true);
    m_validationLabel->setTextFormat(Qt::PlainText);
    m_validationLabel->setAccessibleName(i18nc("@label accessible name", "Problems with the fields"));
    StatusColors::setTextRole(m_validationLabel, StatusColors::Role::Negative);
    m_testButton->setObjectName(QStringLiteral("testButton"));
    m_testStatus->setObjectName(QStringLiteral("testStatusLabel"));
    m_testStatus->setAccessibleName(i18nc("@label accessible name", "Connection test status"));
    m_testStatus->setWordWrap(true);
    m_report->setObjectName(QStringLiteral("testReport"));
    m_buttons->setObjectName(QStringLiteral("buttonBox"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("ok"));
    m_buttons->button(QDialogButtonBox::Ok)
        ->setAccessibleDescription(i18nc("@info accessible description", "Save the connection and use it"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancel"));

    auto *form = makeForm(nullptr);
    addBuddyRow(form, i18nc("@label:textbox", "&Name:"), m_name);
    addBuddyRow(form, i18nc("@label:listbox", "&Kind:"), m_kind);
    auto *tokenLabel = new QLabel(i18nc("@label:textbox", "Access tok&en:"), this);
    tokenLabel->setBuddy(m_token);

    auto *tokenForm = makeForm(nullptr);
    tokenForm->addRow(tokenLabel, m_token);

    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_testButton);
    testRow->addWidget(m_testStatus, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_cloudPage);
    layout->addWidget(m_serverPage);
    layout->addWidget(m_labPage);
    layout->addLayout(tokenForm);
    layout->addWidget(m_validationLabel);
    layout->addLayout(testRow);
    layout->addWidget(m_report);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    new QGridLayout(m_report);
    m_report->layout()->setContentsMargins(0, 0, 0, 0);
    // Wide enough for the placeholders in full; the stacked forms share one label column.
    setMinimumWidth(WidgetUtil::latinTextWidth(this, 110));
    WidgetUtil::alignLabelColumns({form, cloudForm, serverForm, labForm, tokenForm}, {shellForm});

    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (isValid()) {
            accept();
        }
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ConnectionDialog::updateKind);
    connect(m_gheCom, &QRadioButton::toggled, m_subdomain, &QWidget::setEnabled);
    connect(m_externalLab, &QCheckBox::toggled, m_labUrl, &QWidget::setEnabled);
    for (QLineEdit *edit : {m_name, m_subdomain, m_slug, m_host, m_serverSlug, m_caFile, m_shellUser, m_identityFile,
             m_shellCommand, m_labUrl}) {
        connect(edit, &QLineEdit::textChanged, this, &ConnectionDialog::validate);
    }
    // The CA file is read and parsed once the path stops changing, not at every keystroke.
    m_caFileTimer->setSingleShot(true);
    m_caFileTimer->setInterval(300);
    connect(m_caFileTimer, &QTimer::timeout, this, &ConnectionDialog::checkCaFile);
    connect(m_caFile, &QLineEdit::textChanged, this, [this] {
        if (isCaFileCheckPending()) {
            m_caFileTimer->start();
        } else {
            m_caFileTimer->stop(); // back to the path checked last
        }
    });
    connect(m_gheCom, &QRadioButton::toggled, this, &ConnectionDialog::validate);
    connect(m_externalLab, &QCheckBox::toggled, this, &ConnectionDialog::validate);
    connect(m_adminShell, &QGroupBox::toggled, this, &ConnectionDialog::validate);
    connect(m_caBrowse, &QPushButton::clicked, this, [this] {
        const QString path = m_chooser(this, i18nc("@title:window", "Choose CA Certificate"));
        if (!path.isEmpty()) {
            m_caFile->setText(path);
        }
    });
    connect(m_identityBrowse, &QPushButton::clicked, this, [this] {
        const QString path = m_chooser(this, i18nc("@title:window", "Choose SSH Identity File"));
        if (!path.isEmpty()) {
            m_identityFile->setText(path);
        }
    });
    connect(m_testButton, &QPushButton::clicked, this, [this] {
        if (m_testButton->property("running").toBool()) {
            // Stops the test only: the dialog stays open with every field as typed.
            Q_EMIT testCancelRequested();
            setTestRunning(false);
            m_testStatus->setText(i18nc("@info:status", "Test cancelled."));
        } else if (isValid()) {
            Q_EMIT testRequested(connection(), token());
        }
    });

    setTabOrder({m_name, m_kind, m_githubCom, m_gheCom, m_subdomain, m_slug, m_host, m_serverSlug, m_caFile, m_caBrowse,
        m_adminShell, m_shellUser, m_shellPort, m_identityFile, m_identityBrowse, m_shellCommand, m_externalLab,
        m_labUrl, m_token, m_testButton, m_buttons->button(QDialogButtonBox::Ok),
        m_buttons->button(QDialogButtonBox::Cancel)});
    m_name->setFocus(Qt::OtherFocusReason);

    setTestRunning(false);
    updateKind();
}

Glc::Connection::Kind ConnectionDialog::currentKind() const
{
    return Glc::Connection::Kind(m_kind->currentData().toInt());
}

void ConnectionDialog::updateKind()
{
    const Glc::Connection::Kind kind = currentKind();
    m_cloudPage->setVisible(kind == Glc::Connection::Kind::Cloud);
    m_serverPage->setVisible(kind == Glc::Connection::Kind::Server);
    m_labPage->setVisible(kind == Glc::Connection::Kind::Lab);
    // The lab needs no token unless it is an external one that asks for one.
    m_token->setPlaceholderText(kind == Glc::Connection::Kind::Lab
            ? i18nc("@info:placeholder", "not needed for the built-in lab")
            : i18nc("@info:placeholder", "personal access token (classic) with admin:enterprise or read:enterprise"));
    m_report->setVisible(!m_report->findChildren<QLabel *>().isEmpty());
    if (isCaFileCheckPending()) {
        m_caFileTimer->start(); // a server's CA file shown again, or a path set without typing
    }
    validate();
}

QString ConnectionDialog::normalizeHost(const QString &text)
{
    QString host = text.trimmed();
    if (host.contains(QLatin1String("://"))) {
        const QUrl url(host);
        if (url.isValid() && !url.host().isEmpty()) {
            host = url.port() > 0 ? QStringLiteral("%1:%2").arg(url.host()).arg(url.port()) : url.host();
        }
    }
    while (host.endsWith(QLatin1Char('/'))) {
        host.chop(1);
    }
    return host;
}

bool ConnectionDialog::isValidHost(const QString &host)
{
    if (host.isEmpty() || host.size() > 253) {
        return false;
    }
    static const QRegularExpression name(QStringLiteral(
        R"(^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*(?::(\d{1,5}))?$)"));
    static const QRegularExpression ipv6(QStringLiteral(R"(^\[([0-9A-Fa-f:.]+)\](?::(\d{1,5}))?$)"));
    const QRegularExpressionMatch v6 = ipv6.match(host);
    if (v6.hasMatch()) {
        return QHostAddress(v6.captured(1)).protocol() == QAbstractSocket::IPv6Protocol &&
            (v6.captured(2).isEmpty() || v6.captured(2).toInt() <= 65535);
    }
    const QRegularExpressionMatch m = name.match(host);
    if (!m.hasMatch()) {
        return false;
    }
    return m.captured(1).isEmpty() || (m.captured(1).toInt() > 0 && m.captured(1).toInt() <= 65535);
}

bool ConnectionDialog::isValidSlug(const QString &slug)
{
    static const QRegularExpression re(QStringLiteral(R"(^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$)"));
    return re.match(slug).hasMatch();
}

QStringList ConnectionDialog::validationErrors() const
{
    QStringList errors;
    switch (currentKind()) {
    case Glc::Connection::Kind::Cloud: {
        if (m_gheCom->isChecked()) {
            const QString sub = m_subdomain->text().trimmed();
            if (sub.isEmpty()) {
                errors << i18nc(
                    "@info validation", "Enter the GHE.com subdomain (the SUBDOMAIN of SUBDOMAIN.ghe.com).");
            } else if (!isValidSlug(sub)) {
                errors << i18nc("@info validation", "The subdomain may use only letters, digits and hyphens.");
            }
        }
        const QString slug = m_slug->text().trimmed();
        if (slug.isEmpty()) {
            errors << i18nc("@info validation",
                "Enter the enterprise slug: the part after /enterprises/ in your enterprise's address.");
        } else if (!isValidSlug(slug)) {
            errors << i18nc("@info validation", "The enterprise slug may use only letters, digits and hyphens.");
        }
        break;
    }
    case Glc::Connection::Kind::Server: {
        const QString host = normalizeHost(m_host->text());
        if (host.isEmpty()) {
            errors << i18nc("@info validation", "Enter the server's host name, for example ghe.example.com.");
        } else if (!isValidHost(host)) {
            errors << i18nc("@info validation %1 what the user typed",
                "“%1” is not a host name. Enter a name like ghe.example.com, optionally with :port.", host);
        }
        if (const QString caFile = caFilePath(); !caFile.isEmpty() && caFile == m_caFileChecked) {
            if (!m_caFileProblem.isEmpty()) {
                errors << m_caFileProblem;
            }
        }
        const QString slug = m_serverSlug->text().trimmed();
        if (!slug.isEmpty() && !isValidSlug(slug)) {
            errors << i18nc("@info validation", "The enterprise slug may use only letters, digits and hyphens.");
        }
        if (m_adminShell->isChecked()) {
            if (m_shellUser->text().trimmed().isEmpty()) {
                errors << i18nc("@info validation", "Enter the admin shell user (usually admin).");
            }
        }
        break;
    }
    case Glc::Connection::Kind::Lab:
        if (m_externalLab->isChecked()) {
            const QUrl url(m_labUrl->text().trimmed(), QUrl::StrictMode);
            if (!url.isValid() || url.host().isEmpty() ||
                (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
                errors << i18nc("@info validation", "Enter the lab's address, for example http://127.0.0.1:4123.");
            }
        }
        break;
    }
    return errors;
}

void ConnectionDialog::validate()
{
    const QStringList errors = validationErrors();
    m_validationLabel->setText(errors.join(QLatin1Char('\n')));
    m_validationLabel->setVisible(!errors.isEmpty());
    const bool valid = errors.isEmpty() && !isCaFileCheckPending();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(valid);
    if (!m_testButton->property("running").toBool()) {
        m_testButton->setEnabled(valid);
    }
}

QString ConnectionDialog::caFilePath() const
{
    return currentKind() == Glc::Connection::Kind::Server ? m_caFile->text().trimmed() : QString();
}

bool ConnectionDialog::isCaFileCheckPending() const
{
    const QString path = caFilePath();
    return !path.isEmpty() && path != m_caFileChecked;
}

void ConnectionDialog::checkCaFile()
{
    const QString path = caFilePath();
    if (!isCaFileCheckPending() || path == m_caFileChecking) {
        return; // answered, or the answer for this path is on its way
    }
    m_caFileChecking = path;
    ++m_caFileChecks;
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, path] {
        watcher->deleteLater();
        if (m_caFileChecking == path) {
            m_caFileChecking.clear();
        }
        if (path != caFilePath()) {
            return; // the path changed meanwhile: its own check follows
        }
        m_caFileChecked = path;
        m_caFileProblem = watcher->result();
        validate();
    });
    watcher->setFuture(QtConcurrent::run([path] { return Glc::GitHubClient::caFileProblem(path); }));
}

void ConnectionDialog::setConnection(const Glc::Connection &connection)
{
    m_original = connection;
    m_newId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_caFileChecked.clear(); // read again: the file may have changed since
    m_caFileChecking.clear();
    m_name->setText(connection.name);
    m_kind->setCurrentIndex(m_kind->findData(int(connection.kind)));
    m_gheCom->setChecked(!connection.gheComSubdomain.isEmpty());
    m_githubCom->setChecked(connection.gheComSubdomain.isEmpty());
    m_subdomain->setText(connection.gheComSubdomain);
    m_slug->setText(connection.kind == Glc::Connection::Kind::Server ? QString() : connection.enterpriseSlug);
    m_serverSlug->setText(connection.kind == Glc::Connection::Kind::Server ? connection.enterpriseSlug : QString());
    m_host->setText(connection.serverHost);
    m_caFile->setText(connection.caFile);
    m_adminShell->setChecked(connection.adminShell.enabled);
    m_shellUser->setText(connection.adminShell.user);
    m_shellPort->setValue(connection.adminShell.port);
    m_identityFile->setText(connection.adminShell.identityFile);
    m_shellCommand->setText(connection.adminShell.command);
    m_externalLab->setChecked(!connection.labUrl.isEmpty());
    m_labUrl->setText(connection.labUrl.toString());
    setTestReport({});
    updateKind();
}

Glc::Connection ConnectionDialog::connection() const
{
    Glc::Connection c;
    c.kind = currentKind();
    switch (c.kind) {
    case Glc::Connection::Kind::Cloud:
        c.gheComSubdomain = m_gheCom->isChecked() ? m_subdomain->text().trimmed() : QString();
        c.enterpriseSlug = m_slug->text().trimmed();
        break;
    case Glc::Connection::Kind::Server:
        c.serverHost = normalizeHost(m_host->text());
        c.enterpriseSlug = m_serverSlug->text().trimmed();
        c.caFile = m_caFile->text().trimmed();
        c.adminShell.enabled = m_adminShell->isChecked();
        c.adminShell.user =
            m_shellUser->text().trimmed().isEmpty() ? QStringLiteral("admin") : m_shellUser->text().trimmed();
        c.adminShell.port = m_shellPort->value();
        c.adminShell.identityFile = m_identityFile->text().trimmed();
        c.adminShell.command = m_shellCommand->text().trimmed();
        break;
    case Glc::Connection::Kind::Lab:
        if (m_externalLab->isChecked()) {
            c.labUrl = QUrl(m_labUrl->text().trimmed(), QUrl::StrictMode);
        }
        c.enterpriseSlug = m_original.kind == Glc::Connection::Kind::Lab ? m_original.enterpriseSlug : QString();
        break;
    }
    c.name = m_name->text().trimmed();
    if (c.name.isEmpty()) {
        // A readable default: what the user would call it anyway.
        switch (c.kind) {
        case Glc::Connection::Kind::Cloud:
            c.name = c.enterpriseSlug;
            break;
        case Glc::Connection::Kind::Server:
            c.name = c.serverHost;
            break;
        case Glc::Connection::Kind::Lab:
            c.name = i18nc("@item default connection name", "License lab");
            break;
        }
    }
    // The same enterprise or server keeps its id and so its history; pointed elsewhere it is a new
    // connection (the old one stays stored with its snapshots and token).
    c.id = !m_original.id.isEmpty() && sameTarget(m_original, c) ? m_original.id : m_newId;
    return c;
}

bool ConnectionDialog::sameTarget(const Glc::Connection &a, const Glc::Connection &b)
{
    if (a.kind != b.kind) {
        return false;
    }
    switch (a.kind) {
    case Glc::Connection::Kind::Cloud:
        return a.gheComSubdomain.compare(b.gheComSubdomain, Qt::CaseInsensitive) == 0 &&
            a.enterpriseSlug.compare(b.enterpriseSlug, Qt::CaseInsensitive) == 0;
    case Glc::Connection::Kind::Server:
        return a.serverHost.compare(b.serverHost, Qt::CaseInsensitive) == 0;
    case Glc::Connection::Kind::Lab:
        return a.labUrl == b.labUrl;
    }
    return false;
}

QString ConnectionDialog::token() const
{
    return m_token->text().trimmed();
}

void ConnectionDialog::setHasStoredToken(bool stored)
{
    if (stored) {
        m_token->setPlaceholderText(i18nc("@info:placeholder", "a token is stored; leave empty to keep it"));
    } else {
        updateKind();
    }
}

void ConnectionDialog::setFileChooser(const FileChooser &chooser)
{
    m_chooser = chooser;
}

void ConnectionDialog::setTestRunning(bool running)
{
    m_testButton->setProperty("running", running);
    // While a test runs, its button cancels it (the same mnemonic starts and stops it).
    m_testButton->setText(
        running ? i18nc("@action:button", "Cancel &Test") : i18nc("@action:button", "&Test Connection"));
    m_testButton->setIcon(
        QIcon::fromTheme(running ? QStringLiteral("process-stop") : QStringLiteral("network-connect")));
    m_testButton->setAccessibleDescription(running
            ? i18nc("@info:tooltip", "Stop the running connection test; the fields keep what you typed")
            : i18nc("@info:tooltip",
                  "Check that the server is reachable, the token is valid and has the needed scopes, and each endpoint "
                  "answers"));
    m_testButton->setToolTip(m_testButton->accessibleDescription());
    m_testButton->setEnabled(running || isValid());
    m_testStatus->setText(running ? i18nc("@info:status", "Testing the connection…") : QString());
}

void ConnectionDialog::setTestReport(const QList<TestCheck> &checks)
{
    m_checks = checks;
    rebuildReport();
    if (!checks.isEmpty()) {
        setTestRunning(false);
        const int failed = int(std::count_if(checks.cbegin(), checks.cend(), [](const TestCheck &c) { return !c.ok; }));
        m_testStatus->setText(failed == 0 ? i18nc("@info:status", "Everything works.")
                                          : i18ncp("@info:status", "%1 check failed: see the fix below.",
                                                "%1 checks failed: see the fixes below.", failed));
    }
}

void ConnectionDialog::rebuildReport()
{
    auto *grid = static_cast<QGridLayout *>(m_report->layout());
    WidgetUtil::clearLayout(grid);
    grid->setColumnStretch(2, 1);
    int row = 0;
    for (const TestCheck &check : std::as_const(m_checks)) {
        const int index = row;
        auto *mark = WidgetUtil::makeValueLabel(
            QStringLiteral("testCheckResult_%1").arg(index), i18nc("@label accessible name", "Result"), m_report);
        mark->setText(check.ok ? i18nc("@item test result", "✓ Works") : i18nc("@item test result", "✗ Fails"));
        StatusColors::setTextRole(mark, check.ok ? StatusColors::Role::Positive : StatusColors::Role::Negative);
        auto *what = WidgetUtil::makeValueLabel(
            QStringLiteral("testCheckWhat_%1").arg(index), i18nc("@label accessible name", "Check"), m_report);
        what->setText(check.what);
        QFont bold = what->font();
        bold.setBold(true);
        what->setFont(bold);
        auto *detail = WidgetUtil::makeValueLabel(
            QStringLiteral("testCheckDetail_%1").arg(index), i18nc("@label accessible name", "Details"), m_report);
        detail->setWordWrap(true);
        QString text = check.detail;
        if (!check.ok && !check.fix.isEmpty()) {
            text = text.isEmpty()
                ? i18nc("@info the fix of a failed check", "Fix: %1", check.fix)
                : i18nc("@info detail, then the fix of a failed check", "%1\nFix: %2", text, check.fix);
        }
        detail->setText(text);
        grid->addWidget(mark, row, 0, Qt::AlignTop);
        grid->addWidget(what, row, 1, Qt::AlignTop);
        grid->addWidget(detail, row, 2);
        ++row;
    }
    m_report->setVisible(!m_report->layout()->isEmpty());
}
