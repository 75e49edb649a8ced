"""Long jobs the window starts (scan, example data, OPML, model switch...), with progress in the
status bar and the results reflected in the sidebar, lists and views when they end."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from desktop.error_text import user_message
from scanner.messages import describe
from store.core.progress import ProgressEvent
from store.core.weeks import current_week

if TYPE_CHECKING:
    from desktop.shell import Shell



def check_summary(result: dict, language: str) -> str:
    """The check in words: one sentence with the counts, what was fixed, and the few that need a look."""
    nl = language != "en"
    lines = [result["summary"]["nl" if nl else "en"]]
    if result.get("fixed"):
        lines[0] += " " + QCoreApplication.translate("Workflows", "%1 nieuwe adressen zijn overgenomen.").replace(
            "%1", str(result["fixed"]))
    attention = result.get("attention", [])
    if attention:
        lines[0] += " " + QCoreApplication.translate(
            "Workflows", "De rest werkt; deze bronnen vragen aandacht (ze blijven staan en worden later opnieuw "
            "geprobeerd):")
        lines += [f"• {a['name']}: {a['nl' if nl else 'en']}" for a in attention[:6]]
        if len(attention) > 6:
            lines.append(QCoreApplication.translate("Workflows", "… en %1 meer: zie de kolom Laatste fout.").replace(
                "%1", str(len(attention) - 6)))
    return "\n".join(lines)


class Workflows(QObject):
    scan_finished = Signal(object)  # ScanSummary
    model_state = Signal(str)  # loading | ready | error

    def __init__(self, window: Shell) -> None:
        super().__init__()
        self.window = window

    @property
    def kb(self):
        return self.window.kb

    @property
    def tasks(self):
        return self.window.tasks

    @property
    def engine(self):
        return self.window.engine

    def _follow(self, job, describe_progress: Callable[[ProgressEvent], str]):
        self.window.status.follow(job, describe_progress)
        return job

    def _failed(self, exc: BaseException) -> None:
        self.window.status.say(user_message(exc), 20)

    # -- language model ----------------------------------------------------------------------------
    def warm_up(self) -> None:
        """The engine loads the model and vector index (embedding what is missing) in the background."""
        self.window.status.set_model_state("loading")

        def done(result: dict) -> None:
            self.window.status.set_model_state("ready", result.get("embedder", ""))
            self.model_state.emit("ready")
            self.window.reload_list(only_inbox=True)  # now ranked by signal score

        def failed(exc: BaseException) -> None:
            self.window.status.set_model_state("error")
            self.model_state.emit("error")
            self.window.status.say(user_message(exc), 20)

        self.engine.job("prepare", done, failed)

    def change_model(self, spec: str) -> None:
        def progress(event: ProgressEvent) -> str:
            return self.tr("Opnieuw inbedden: %1 van %2 berichten").replace("%1", str(event.done)).replace(
                "%2", str(event.total or "?"))

        def done(result: dict | None) -> None:
            self.kb.reload_settings()
            if result is None:
                self.window.status.say(self.tr("Overschakelen geannuleerd; wat al ingebed is, blijft bewaard."))
                return
            self.window.status.set_model_state("ready", result.get("embedder", ""))
            self.window.status.say(self.tr("Nieuw taalmodel in gebruik; %1 berichten opnieuw ingebed.").replace(
                "%1", str(result.get("embedded", 0))))
            self.model_state.emit("ready")

        self.window.status.set_model_state("loading")
        self._follow(self.engine.job("set_model", done, self._failed, spec=spec), progress)

    # -- scanning -------------------------------------------------------------------------------------
    def scan(self, source_ids: list[int] | None = None, due_only: bool = False, automatic: bool = False) -> None:
        if self.tasks.running("scan") is not None:
            if not automatic:
                self.window.status.say(self.tr("Er loopt al een scan."))
            return

        def progress(event: ProgressEvent) -> str:
            if event.total is None:
                return self.tr("Scannen…")
            return self.tr("Scannen: %1/%2 bronnen · %3 nieuw").replace("%1", str(event.done)).replace(
                "%2", str(event.total)).replace("%3", str(event.new_items or 0))

        def done(summary) -> None:
            if summary is None:
                return
            failed = summary.failed
            text = self.tr("Scan klaar: %1 nieuwe berichten uit %2 bronnen").replace(
                "%1", str(summary.items_new)).replace("%2", str(summary.sources_total))
            if summary.stories_new:
                text += self.tr(", %1 nieuwe verhalen").replace("%1", str(summary.stories_new))
            if failed:
                names = ", ".join(o.name for o in failed[:3])
                text += self.tr(". %1 bronnen mislukt (%2); zie Bronnen.").replace("%1", str(len(failed))).replace(
                    "%2", names)
            if summary.cancelled:
                text += self.tr(" (geannuleerd; wat binnen was, is bewaard)")
            if summary.alerts:
                text += self.tr(" · %1 nieuwe meldingen (zie Meldingen)").replace("%1", str(len(summary.alerts)))
            self.window.status.say(text, 30)
            self.window.refresh_chrome()
            self.window.reload_list()
            if summary.alerts:
                self.window.notify_alerts(summary.alerts)
            self.scan_finished.emit(summary)

        job = self.engine.job("scan", done, self._failed, source_ids=source_ids, due_only=due_only)
        self._follow(job, progress)

    # -- data --------------------------------------------------------------------------------------------
    def load_example_data(self) -> None:
        def progress(event: ProgressEvent) -> str:
            return self.tr("Voorbeelddata laden: %1 van %2").replace("%1", str(event.done)).replace(
                "%2", str(event.total or "?"))

        def done(report) -> None:
            if report is None:
                return
            loaded = self.tr("%1 voorbeeldberichten geladen (fictief, gemarkeerd als voorbeeld).")
            self.window.status.say(loaded.replace("%1", str(report.result.added)))
            self.window.refresh_chrome()
            self.window.open_place(self.window.place.__class__("new"))

        self._follow(self.engine.job("load_example", done, self._failed), progress)

    def apply_rules(self, on_done: Callable[[dict], None]) -> None:
        def progress(event: ProgressEvent) -> str:
            return self.tr("Regels toepassen…")

        self._follow(self.engine.job("apply_rules", on_done, self._failed), progress)

    def match_actor(self, actor_id: int, on_done: Callable[[int], None]) -> None:
        def progress(event: ProgressEvent) -> str:
            return self.tr("Volglijst: berichten doorzoeken %1 van %2").replace("%1", str(event.done)).replace(
                "%2", str(event.total or "?"))

        self._follow(self.engine.job("match_actor", on_done, self._failed, actor_id=actor_id), progress)

    def refresh_suggestions(self) -> None:
        """Recompute the suggestions of unread items after the user confirmed or rejected themes."""
        def ids():
            return self.kb.items.new_item_ids(limit=2000)

        self.tasks.run(ids, lambda item_ids: self.engine.call(
            "refresh_suggestions", lambda _: self.window.refresh_after_suggestions(), None, item_ids=item_ids),
            what="find unread items")

    def add_default_sources(self, then_scan: bool = True) -> None:
        from scanner.source_manager import add_default_sources

        def done(outcomes) -> None:
            self.window.status.say(self.tr("%1 standaardbronnen toegevoegd.").replace(
                "%1", str(sum(not o.existed for o in outcomes))))
            self.window.refresh_chrome()
            if then_scan:
                self.window.open_place(self.window.place.__class__("sources"))
                self.check_sources(then_scan=True)

        self.tasks.run(lambda: add_default_sources(self.kb), done, self._failed, what="add default sources")

    def check_sources(self, then_scan: bool = False) -> None:
        """Try every source once (the engine; nothing stored, moved addresses taken), say the outcome in a
        sentence in Bronnen, then scan if asked."""
        if self.tasks.running("check_sources") is not None:
            return

        def progress(event: ProgressEvent) -> str:
            if event.total is None:
                return self.tr("Bronnen controleren…")
            return self.tr("Bronnen controleren: %1/%2").replace("%1", str(event.done)).replace(
                "%2", str(event.total))

        def done(result) -> None:
            if result is None:
                return
            text = check_summary(result, self.window.language)
            self.window.status.say(text.split("\n")[0], 30)
            self.window.show_check(text)
            self.window.refresh_chrome()
            if then_scan:
                self.scan()

        self._follow(self.engine.job("check_sources", done, self._failed, fix=True), progress)

    def import_opml(self, path: str, on_done: Callable[[Any], None] | None = None) -> None:
        from scanner.opml import import_opml

        def done(report) -> None:
            text = self.tr("OPML: %1 bronnen toegevoegd, %2 waren er al, %3 overgeslagen.").replace(
                "%1", str(len(report.added))).replace("%2", str(len(report.existing))).replace(
                "%3", str(len(report.skipped)))
            if report.skipped:
                text += " " + self.tr("Overgeslagen (geen webadres): %1").replace(
                    "%1", ", ".join(title or url for title, url in report.skipped[:5]))
            self.window.status.say(text, 20)
            self.window.refresh_chrome()
            if on_done:
                on_done(report)

        self.tasks.run(lambda: import_opml(self.kb, Path(path).read_bytes()), done, self._failed, what="import OPML")

    def export_opml(self, path: str) -> None:
        from scanner.opml import export_opml

        self.tasks.run(lambda: Path(path).write_bytes(export_opml(self.kb)),
                       lambda _: self.window.status.say(self.tr("Bronnen opgeslagen in %1").replace("%1", path)),
                       self._failed, what="export OPML")

    def add_to_digest(self, item_ids: list[int]) -> None:
        def add() -> tuple[int, str]:
            result = self.kb.digests.add_to_week(item_ids, *current_week())
            return result.new_count, result.digest.label

        def done(result: tuple[int, str]) -> None:
            count, label = result
            self.window.status.say(self.tr("%1 berichten toegevoegd aan weekoverzicht %2.").replace(
                "%1", str(count)).replace("%2", label))
            self.window.refresh_chrome()

        self.tasks.run(add, done, self._failed, what="add to digest")


__all__ = ["Workflows", "describe"]
