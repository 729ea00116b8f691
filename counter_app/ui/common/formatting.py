"""How catalogue facts read in the interface language."""

from __future__ import annotations

from datetime import datetime
from html import escape

from PySide6.QtCore import QCoreApplication

from counter_app.domain.catalogue import Component, OnlineLevel, Procedure, ProcessingTime, ProcessingUnit
from counter_app.ui.theme import MUTED_TEXT, NAVY


def processing_time_text(time: ProcessingTime) -> str:
    if time.unit is ProcessingUnit.WORKING_DAYS:
        if time.amount == 0:
            return QCoreApplication.translate("Format", "Within the working day")
        return QCoreApplication.translate("Format", "%n working day(s)").replace("%n", str(time.amount))
    return QCoreApplication.translate("Format", "%n working hour(s)").replace("%n", str(time.amount))


def moment_text(moment: datetime) -> str:
    return QCoreApplication.translate("Format", "{hour:02d}:{minute:02d} on {date}").format(
        hour=moment.hour, minute=moment.minute, date=moment.strftime("%d/%m/%Y")
    )


def money_text(amount: int) -> str:
    if amount == 0:
        return QCoreApplication.translate("Format", "Free")
    return QCoreApplication.translate("Format", "{amount} VND").format(amount=f"{amount:,}".replace(",", "."))


def online_level_text(level: OnlineLevel) -> str:
    return {
        OnlineLevel.FULL: QCoreApplication.translate("Format", "Fully online"),
        OnlineLevel.PARTIAL: QCoreApplication.translate("Format", "Partly online"),
        OnlineLevel.NONE: QCoreApplication.translate("Format", "In person only"),
    }[level]


def component_copies_text(c: Component) -> str:
    if c.presented_only:
        return QCoreApplication.translate("Format", "Shown only, not filed")
    parts = []
    if c.originals:
        parts.append(QCoreApplication.translate("Format", "%n original(s)").replace("%n", str(c.originals)))
    if c.copies:
        parts.append(QCoreApplication.translate("Format", "%n copy/copies").replace("%n", str(c.copies)))
    return ", ".join(parts)


def _labels() -> dict[str, str]:
    return {
        "certified": QCoreApplication.translate("Format", "certified copy accepted"),
        "electronic": QCoreApplication.translate("Format", "electronic copy accepted"),
        "due": QCoreApplication.translate("Format", "If received now, the result is due at"),
        "code": QCoreApplication.translate("Format", "Code"),
        "field": QCoreApplication.translate("Format", "Field"),
        "time": QCoreApplication.translate("Format", "Processing time"),
        "papers": QCoreApplication.translate("Format", "Papers to bring"),
        "nothing_more": QCoreApplication.translate("Format", "Nothing beyond this list may be required."),
        "fees": QCoreApplication.translate("Format", "Fees"),
        "free": QCoreApplication.translate("Format", "Free"),
        "decided_by": QCoreApplication.translate("Format", "Decided by"),
        "result": QCoreApplication.translate("Format", "Result"),
        "basis": QCoreApplication.translate("Format", "Legal basis"),
    }


def procedure_html(p: Procedure, appointment: datetime | None, *, large: bool = False) -> str:
    """The procedure as the citizen and the clerk need it: papers, time, fees, who decides."""
    label = {key: escape(value) for key, value in _labels().items()}
    # Headings are paragraphs with their own size: Qt's rich text sizes <h2>/<h3> from the widget's
    # font and ignores a size set on them, so on the kiosk they came out smaller than the body.
    body = 22 if large else 11
    size = f"{body}pt"
    h2 = f"<p style='font-size:{round(body * 1.4)}pt; font-weight:bold; color:{NAVY}; margin-top:6px'>"
    h3 = f"<p style='font-size:{round(body * 1.15)}pt; font-weight:bold; margin-top:10px'>"
    rows = []
    for i, c in enumerate(p.components, 1):
        accepts = []
        if not c.presented_only:
            if c.certified_copy_accepted:
                accepts.append(label["certified"])
            if c.electronic_copy_accepted:
                accepts.append(label["electronic"])
        note = f"<br><i>{escape(c.note)}</i>" if c.note else ""
        rows.append(
            f"<tr><td valign='top'>{i}.</td><td>{escape(c.name)}{note}"
            f"<br><span style='color:{MUTED_TEXT}'>{'; '.join(accepts)}</span></td>"
            f"<td valign='top'><b>{escape(component_copies_text(c))}</b></td></tr>"
        )
    fee_items = [
        f"<li>{escape(f.name)}: <b>{escape(money_text(f.amount))}</b>"
        + (f" — {escape(f.note)}" if f.note else "")
        + "</li>"
        for f in p.fees
    ]
    fees = "".join(fee_items) or f"<li>{label['free']}</li>"
    due = f"<p>{label['due']} <b>{escape(moment_text(appointment))}</b></p>" if appointment else ""
    time_note = f" — {escape(p.processing_time.note)}" if p.processing_time.note else ""
    result = f"<br>{label['result']}: {escape(p.result)}" if p.result else ""
    basis_items = "".join(f"<li>{escape(b)}</li>" for b in p.legal_basis)
    basis = f"{h3}{label['basis']}</p><ul>{basis_items}</ul>" if basis_items else ""
    return (
        f"<div style='font-size:{size}'>"
        f"{h2}{escape(p.name)}</p>"
        f"<p>{label['code']}: <b>{escape(p.code)}</b> · {label['field']}: {escape(p.field_name)}"
        f" · {escape(online_level_text(p.online_level))}</p>"
        f"<p>{label['time']}: <b>{escape(processing_time_text(p.processing_time))}</b>{time_note}</p>"
        f"{due}{h3}{label['papers']}</p>"
        f"<table cellspacing='0' cellpadding='4' width='100%'>{''.join(rows)}</table>"
        f"<p style='color:{MUTED_TEXT}'><i>{label['nothing_more']}</i></p>"
        f"{h3}{label['fees']}</p><ul>{fees}</ul>"
        f"<p>{label['decided_by']}: {escape(p.deciding_authority)}{result}</p>{basis}</div>"
    )
