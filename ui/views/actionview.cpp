// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "actionview.h"

#include "controllers/licensecontroller.h"
#include "licensepage/inlinemessage.h"
#include "licensepage/labelscrollarea.h"
#include "licensepage/statuscolors.h"
#include "licensepage/widgetutil.h"
#include "urlopener.h"
#include "workflows/jobrunner.h"
#include "workflows/workflowjob.h"

#include <KLocalizedString>
#include <QDialogButtonBox>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Glc;

ActionView::ActionView(LicenseController *controller, QWidget *parent)
    : QDialog(parent)
    , m_controller(controller)
    , m_form(new QVBoxLayout)
    , m_stages(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_assist(new QLabel(this))
    , m_assistArea(new LabelScrollArea(m_assist, 14, this))
    , m_capability(new QLabel(this))
    , m_openPage(new QPushButton(i18nc("@action:button", "Open the GitHub &Page Again"), this))
    , m_result(new InlineMessage(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this))
    , m_start(m_buttons->addButton(i18nc("@action:button", "&Start"), QDialogButtonBox::AcceptRole))
    , m_cancel(m_buttons->addButton(QDialogButtonBox::Cancel))
{
    m_stages->setObjectName(QStringLiteral("stages"));
    m_stages->setWordWrap(true);
    m_stages->setTextFormat(Qt::RichText);
    m_stages->setAccessibleName(i18nc("@label accessible name", "Stages"));
    m_stages->setAccessibleDescription(
        i18nc("@info accessible description", "What the action has done so far, step by step"));
    m_progress->setObjectName(QStringLiteral("progress"));
    m_progress->setVisible(false);
    m_progress->setAccessibleName(i18nc("@label accessible name", "Progress"));
    m_assist->setObjectName(QStringLiteral("assist"));
    m_assist->setWordWrap(true);
    m_assist->setTextFormat(Qt::RichText);
    // Its links open through UrlOpener (the browser; the lab in tests), by mouse or keyboard.
    m_assist->setOpenExternalLinks(false);
    m_assist->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_assistArea->setObjectName(QStringLiteral("assistArea"));
    m_assistArea->setVisible(false);
    m_assist->setAccessibleName(i18nc("@label accessible name", "Instructions"));
    m_assist->setAccessibleDescription(i18nc("@info accessible description",
        "What to do on GitHub to finish the action, with a link to each page; the console confirms the outcome "
        "by itself"));
    m_openPage->setObjectName(QStringLiteral("openPage"));
    m_openPage->setVisible(false);
    m_openPage->setAccessibleDescription(
        i18nc("@info accessible description", "Open the GitHub page of the instructions in the browser again"));
    m_result->setObjectName(QStringLiteral("result"));
    m_start->setObjectName(QStringLiteral("start"));
    // Texts of their own, not the platform's: Plasma names both "&Close" and "&Cancel", and Alt+C would then
    // only move between them.
    m_buttons->button(QDialogButtonBox::Close)->setText(i18nc("@action:button close the view", "Cl&ose"));
    m_cancel->setText(i18nc("@action:button stop the running action", "&Cancel"));
    m_buttons->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("close"));
    m_buttons->button(QDialogButtonBox::Close)
        ->setAccessibleDescription(
            i18nc("@info accessible description", "Close the view; a running action is cancelled"));
    m_cancel->setObjectName(QStringLiteral("cancel"));
    m_cancel->setEnabled(false);
    m_cancel->setToolTip(i18nc("@info:tooltip", "Stop the running action; nothing is half-written"));
    m_cancel->setAccessibleDescription(m_cancel->toolTip());

    m_capability->setObjectName(QStringLiteral("capability"));
    m_capability->setWordWrap(true);
    m_capability->setVisible(false);
    m_capability->setAccessibleName(i18nc("@label accessible name", "How the action runs here"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addWidget(m_stages);
    layout->addWidget(m_progress);
    layout->addWidget(m_assistArea);
    layout->addWidget(m_openPage, 0, Qt::AlignLeft);
    layout->addWidget(m_result);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    connect(m_start, &QPushButton::clicked, this, &ActionView::startRequested);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_job) {
            JobRunner::cancel(m_job);
        }
    });
    // Only Close closes: Cancel stops the job and keeps the view open so its outcome stays readable.
    connect(m_buttons, &QDialogButtonBox::clicked, this, [this](QAbstractButton *button) {
        if (button == m_buttons->button(QDialogButtonBox::Close)) {
            reject();
        }
    });
    connect(m_assist, &QLabel::linkActivated, this, [](const QString &link) { UrlOpener::open(QUrl(link)); });
    connect(m_openPage, &QPushButton::clicked, this, [this] {
        if (!m_assists.isEmpty()) {
            UrlOpener::open(m_assists.constLast().page);
        }
    });
    setMinimumWidth(WidgetUtil::latinTextWidth(this, 100));
    // Instructions, stages and results come as the job runs: the view grows to show them whole.
    WidgetUtil::fitHeightToWrappedTexts(this);
}

void ActionView::giveFormTheRoom()
{
    auto *box = static_cast<QVBoxLayout *>(layout());
    box->setStretchFactor(m_form, 1);
    box->setStretch(box->count() - 2, 0); // the stretch above the buttons
}

ActionView::~ActionView()
{
    if (m_job) {
        JobRunner::cancel(m_job);
    }
}

void ActionView::showCapability(Glc::Capability::Action action)
{
    m_capabilityValue = Glc::Capability::of(action, m_controller->context());
    // Under the view's introduction (its first line), before its fields.
    m_form->insertWidget(std::min(1, int(m_form->count())), m_capability);
    m_capability->setText(m_capabilityValue.text);
    m_capability->setVisible(true);
    StatusColors::setTextRole(
        m_capability, m_capabilityValue.available() ? std::nullopt : std::optional(StatusColors::Role::Warning));
    if (!m_capabilityValue.available()) {
        m_start->setEnabled(false);
    }
}

void ActionView::reject()
{
    if (m_job) {
        JobRunner::cancel(m_job); // closing the view cancels what it started
    }
    QDialog::reject();
}

void ActionView::setReadingTabOrder(const QList<QWidget *> &controls)
{
    QList<QWidget *> chain = controls;
    chain << m_assist << m_openPage;
    chain << m_result->findChildren<QWidget *>(Qt::FindDirectChildrenOnly);
    // The buttons as the platform lays them out (the box links them in that order itself).
    for (int i = 0; i < m_buttons->layout()->count(); ++i) {
        if (QWidget *button = m_buttons->layout()->itemAt(i)->widget()) {
            chain << button;
        }
    }
    chain.removeIf([](const QWidget *widget) { return !widget || widget->focusPolicy() == Qt::NoFocus; });
    for (qsizetype i = 1; i < chain.size(); ++i) {
        QWidget::setTabOrder(chain.at(i - 1), chain.at(i));
    }
    if (!chain.isEmpty()) {
        chain.first()->setFocus(Qt::OtherFocusReason); // given when the view opens, instead of the buttons
    }
}

void ActionView::runJob(WorkflowJob *job)
{
    m_job = job;
    m_steps.clear();
    m_assists.clear();
    showStages(WorkflowJob::Status::Running); // none yet
    m_result->hide();
    m_assistArea->hide();
    m_openPage->hide();
    m_progress->setRange(0, 0);
    m_progress->setVisible(true);
    m_start->setEnabled(false);
    m_cancel->setEnabled(true);
    connect(job, &WorkflowJob::stageChanged, this, [this](int, const QString &text, const QString &doneText) {
        m_steps.append({text, doneText.isEmpty() ? text : doneText});
        showStages(WorkflowJob::Status::Running);
    });
    connect(job, &WorkflowJob::progress, this, [this](qint64 done, qint64 total, qint64) {
        if (total > 0) {
            m_progress->setRange(0, int(total));
            m_progress->setValue(int(done));
        }
    });
    connect(job, &WorkflowJob::assistRequired, this, [this](const QUrl &page, const QString &instructions) {
        const AssistCompanion companion = assistCompanion();
        // One request per page (Sync now of all servers: one per server), each kept with its link.
        m_assists.append({page,
            companion.note.isEmpty()
                ? instructions
                // Chinese joins sentences without a space: the translation says how.
                : i18nc("@info two sentences in a row: %1 the instructions, %2 a note on what opened beside them",
                      "%1 %2", instructions, companion.note.toHtmlEscaped())});
        QStringList blocks;
        for (const Assist &assist : std::as_const(m_assists)) {
            blocks.append(QStringLiteral("<p>%1<br><a href=\"%2\">%3</a></p>")
                    .arg(assist.instructions, assist.page.toString(QUrl::FullyEncoded).toHtmlEscaped(),
                        assist.page.toDisplayString().toHtmlEscaped()));
        }
        m_assist->setText(blocks.join(QString()));
        m_assistArea->show();
        m_assistArea->updateGeometry();
        // Several pages: each has its own link; the button would not say which one it opens.
        m_openPage->setVisible(m_assists.size() == 1);
        UrlOpener::open(page);
        if (companion.url.isValid()) {
            UrlOpener::open(companion.url); // opened last, so it comes in front of the browser
        }
    });
    connect(job, &WorkflowJob::finished, this, [this, job] {
        m_progress->setVisible(false);
        m_start->setEnabled(isActionAvailable());
        m_cancel->setEnabled(false);
        const bool success = job->status() == WorkflowJob::Status::Succeeded;
        showStages(job->status());
        if (job->status() == WorkflowJob::Status::Cancelled) {
            m_result->showMessage(InlineMessage::Type::Information, i18nc("@info", "Cancelled."), {});
        } else if (!success) {
            m_result->showMessage(InlineMessage::Type::Error, job->errorText(), job->nextStep());
        }
        jobDone(job);
        m_job = nullptr;
        Q_EMIT jobFinished(success);
    });
    m_controller->runner()->start(job);
}

void ActionView::showStages(WorkflowJob::Status status)
{
    // The marks for the eye; their words for the tooltip and screen readers.
    QString last = QStringLiteral("➜ ");
    QString lastState = i18nc("@info stage state", "In progress");
    switch (status) {
    case WorkflowJob::Status::Succeeded:
        last = QStringLiteral("✔ ");
        lastState = i18nc("@info stage state", "Done");
        break;
    case WorkflowJob::Status::Failed:
        last = QStringLiteral("✘ ");
        lastState = i18nc("@info stage state", "Failed");
        break;
    case WorkflowJob::Status::Cancelled:
        last = QStringLiteral("– ");
        lastState = i18nc("@info stage state", "Cancelled");
        break;
    default:
        break;
    }
    QStringList lines;
    QStringList spoken;
    for (int i = 0; i < m_steps.size(); ++i) {
        // Said as done ("Exported …") once the next stage began or the job succeeded; a failed or cancelled
        // last stage keeps its words ("Exporting …").
        const bool done = i + 1 < m_steps.size();
        const QString &text =
            done || status == WorkflowJob::Status::Succeeded ? m_steps.at(i).doneText : m_steps.at(i).text;
        lines.append((done ? QStringLiteral("✔ ") : last) + text.toHtmlEscaped());
        spoken.append(i18nc("@info %1 stage state (Done, Failed, In progress), %2 the stage", "%1: %2",
            done ? i18nc("@info stage state", "Done") : lastState, text));
    }
    m_stages->setText(lines.join(QStringLiteral("<br>")));
    m_stages->setToolTip(spoken.join(QLatin1Char('\n')));
    m_stages->setAccessibleDescription(spoken.isEmpty()
            ? i18nc("@info accessible description", "What the action has done so far, step by step")
            : spoken.join(QLatin1Char('\n')));
}
