// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "licensing/connection.h"

#include <QDialog>
#include <QUuid>

#include <functional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QTimer;

/// One line of a connection test: what was checked, whether it works, and the fix when not.
struct TestCheck
{
    QString what; ///< "Reachable", "Token valid", "Scope admin:enterprise", "GET /license-sync-status"
    bool ok = false;
    QString detail;
    QString fix;

    bool operator==(const TestCheck &) const = default;
};

/// Creates or edits a Glc::Connection. Shows the fields of the chosen kind, validates them
/// inline, hands the typed token out through token() (it never stores it) and asks for a
/// connection test through testRequested().
class ConnectionDialog : public QDialog
{
    Q_OBJECT
public:
    using FileChooser = std::function<QString(QWidget *parent, const QString &title)>;

    explicit ConnectionDialog(QWidget *parent = nullptr);

    void setConnection(const Glc::Connection &connection);
    /// The connection as edited. It keeps the edited connection's id (and so its history) while it
    /// points at the same enterprise, server or lab (sameTarget()); otherwise, or when the edited one had
    /// none, it has a new id, the same on every call until the next setConnection().
    Glc::Connection connection() const;
    QString token() const;
    /// Tells the user a token is already stored, so an empty field keeps it.
    void setHasStoredToken(bool stored);

    /// Problems that block OK and Test, in the order of the fields; empty when valid.
    QStringList validationErrors() const;
    /// No problems, and the CA file (when one is given) was checked as it is now.
    bool isValid() const { return validationErrors().isEmpty() && !isCaFileCheckPending(); }
    /// The CA file's path changed and its check has not answered yet (OK and Test wait for it). The file
    /// is read off the UI thread, once the path has not changed for a moment.
    bool isCaFileCheckPending() const;
    /// How many times a CA file was read for its check (tests).
    int caFileChecks() const { return m_caFileChecks; }

    /// While running, the Test connection button turns into Cancel Test.
    void setTestRunning(bool running);
    void setTestReport(const QList<TestCheck> &checks);
    QList<TestCheck> testReport() const { return m_checks; }

    /// Replaces the file dialogs for the CA and identity files (tests).
    void setFileChooser(const FileChooser &chooser);

    /// Both point at the same place: kind, and the GHE.com subdomain and slug, the server's host, or the lab's URL.
    static bool sameTarget(const Glc::Connection &a, const Glc::Connection &b);
    static bool isValidHost(const QString &host);
    static bool isValidSlug(const QString &slug);
    /// "https://ghe.example.com/" -> "ghe.example.com"; keeps a port.
    static QString normalizeHost(const QString &text);

Q_SIGNALS:
    void testRequested(const Glc::Connection &connection, const QString &token);
    /// The user stopped the running test with its button (which reads Cancel Test meanwhile); the
    /// dialog stays open and keeps the edits.
    void testCancelRequested();

private:
    Glc::Connection::Kind currentKind() const;
    void updateKind();
    void validate();
    void rebuildReport();
    QString caFilePath() const;
    /// Reads the CA file of the field in a worker thread; its answer counts only for that path.
    void checkCaFile();

    QLineEdit *const m_name;
    QComboBox *const m_kind;
    // Cloud
    QWidget *const m_cloudPage;
    QRadioButton *const m_githubCom;
    QRadioButton *const m_gheCom;
    QLineEdit *const m_subdomain;
    QLineEdit *const m_slug;
    // Server
    QWidget *const m_serverPage;
    QLineEdit *const m_host;
    QLineEdit *const m_serverSlug;
    QLineEdit *const m_caFile;
    QPushButton *const m_caBrowse;
    QGroupBox *const m_adminShell;
    QLineEdit *const m_shellUser;
    QSpinBox *const m_shellPort;
    QLineEdit *const m_identityFile;
    QPushButton *const m_identityBrowse;
    QLineEdit *const m_shellCommand;
    // Lab
    QWidget *const m_labPage;
    QCheckBox *const m_externalLab;
    QLineEdit *const m_labUrl;
    // Common
    QLineEdit *const m_token;
    QLabel *const m_validationLabel;
    QPushButton *const m_testButton;
    QLabel *const m_testStatus;
    QWidget *const m_report;
    QDialogButtonBox *const m_buttons;

    Glc::Connection m_original;
    /// The id connection() gives when it no longer points where m_original did.
    QString m_newId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QList<TestCheck> m_checks;
    FileChooser m_chooser;
    QTimer *const m_caFileTimer; ///< waits for the typing to pause before the CA file is checked
    QString m_caFileChecked; ///< the path m_caFileProblem is the answer for
    QString m_caFileProblem;
    QString m_caFileChecking; ///< the path being checked in a worker thread
    int m_caFileChecks = 0;
};
