"""How catalogue facts read in the interface language."""

from __future__ import annotations

from datetime import datetime
from html import escape

from PySide6.QtCore import QCoreApplication

from counter_app.domain.catalogue import Component, OnlineLevel, Procedure, ProcessingTime, ProcessingUnit


def _t(text: str) -> str:
    return QCoreApplication.translate("Format", text)


def processing_time_text(time: ProcessingTime) -> str:
    if time.unit is ProcessingUnit.WORKING_DAYS:
        if time.amount == 0:
            return _t("Within the working day")
        return _t("%n working day(s)").replace("%n", str(time.amount))
    return _t("%n working hour(s)").replace("%n", str(time.amount))


def moment_text(moment: datetime) -> str:
    return _t("{hour:02d}:{minute:02d} on {date}").format(
        hour=moment.hour, minute=moment.minute, date=moment.strftime("%d/%m/%Y")
    )


def money_text(amount: int) -> str:
    if amount == 0:
        return _t("Free")
    return _t("{amount} VND").format(amount=f"{amount:,}".replace(",", "."))


def online_level_text(level: OnlineLevel) -> str:
    return {
        OnlineLevel.FULL: _t("Fully online"),
        OnlineLevel.PARTIAL: _t("Partly online"),
        OnlineLevel.NONE: _t("In person only"),
    }[level]


def component_copies_text(c: Component) -> str:
    if c.presented_only:
        return _t("Shown only, not filed")
    parts = []
    if c.originals:
        parts.append(_t("%n original(s)").replace("%n", str(c.originals)))
    if c.copies:
        parts.append(_t("%n copy/copies").replace("%n", str(c.copies)))
    return ", ".join(parts)


def procedure_html(p: Procedure, appointment: datetime | None, *, large: bool = False) -> str:
    """The procedure as the citizen and the clerk need it: papers, time, fees, who decides."""
    size = "22pt" if large else "11pt"
    rows = []
    for i, c in enumerate(p.components, 1):
        accepts = []
        if not c.presented_only:
            if c.certified_copy_accepted:
                accepts.append(_t("certified copy accepted"))
            if c.electronic_copy_accepted:
                accepts.append(_t("electronic copy accepted"))
        note = f"<br><i>{escape(c.note)}</i>" if c.note else ""
        rows.append(
            f"<tr><td valign='top'>{i}.</td><td>{escape(c.name)}{note}"
            f"<br><span style='color:#555'>{escape('; '.join(accepts))}</span></td>"
            f"<td valign='top'><b>{escape(component_copies_text(c))}</b></td></tr>"
        )
    fees = "".join(
        f"<li>{escape(f.name)}: <b>{escape(money_text(f.amount))}</b>"
        f"{' — ' + escape(f.note) if f.note else ''}</li>"
        for f in p.fees
    ) or f"<li>{escape(_t('Free'))}</li>"
    due = (
        f"<p>{escape(_t('If received now, the result is due at'))} <b>{escape(moment_text(appointment))}</b></p>"
        if appointment
        else ""
    )
    basis = "".join(f"<li>{escape(b)}</li>" for b in p.legal_basis)
    return f"""
<div style="font-size:{size}">
<h2 style="color:#0b3d91">{escape(p.name)}</h2>
<p>{escape(_t('Code'))}: <b>{escape(p.code)}</b> · {escape(_t('Field'))}: {escape(p.field_name)}
 · {escape(online_level_text(p.online_level))}</p>
<p>{escape(_t('Processing time'))}: <b>{escape(processing_time_text(p.processing_time))}</b>
{(' — ' + escape(p.processing_time.note)) if p.processing_time.note else ''}</p>
{due}
<h3>{escape(_t('Papers to bring'))}</h3>
<table cellspacing="0" cellpadding="4" width="100%">{''.join(rows)}</table>
<p style="color:#555"><i>{escape(_t('Nothing beyond this list may be required.'))}</i></p>
<h3>{escape(_t('Fees'))}</h3><ul>{fees}</ul>
<p>{escape(_t('Decided by'))}: {escape(p.deciding_authority)}
{('<br>' + escape(_t('Result')) + ': ' + escape(p.result)) if p.result else ''}</p>
{('<h3>' + escape(_t('Legal basis')) + '</h3><ul>' + basis + '</ul>') if basis else ''}
</div>"""
