/**
 * III. Khó khăn, vướng mắc and IV. Đề xuất, kiến nghị: free text the leader or admin writes for
 * exactly this unit and period (PUT /api/reports/notes); read-only for everyone else.
 */
import type { Report } from "@cau-noi/shared";
import { REPORT_NOTE_SECTION_LABELS, type ReportNoteSection } from "@cau-noi/shared/domain";
import { useState } from "react";
import { messageOf } from "../../api/errors";
import { reportsApi } from "../../api/reports-endpoints";
import { Icon } from "../../icons";

const NUMBER: Record<ReportNoteSection, string> = { difficulties: "III", proposals: "IV" };

function NoteEditor({
  report,
  section,
  onSaved,
}: {
  report: Report;
  section: ReportNoteSection;
  onSaved(): void;
}) {
  const saved = report.notes[section] ?? "";
  const [text, setText] = useState(saved);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const id = `note-${section}`;
  const save = async () => {
    setBusy(true);
    setMessage(null);
    try {
      await reportsApi.saveNote({
        unitId: report.unit.id,
        from: report.period.from,
        to: report.period.to,
        section,
        body: text,
      });
      setMessage({ ok: true, text: "Đã lưu." });
      onSaved();
    } catch (error) {
      setMessage({ ok: false, text: messageOf(error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="field">
      <label htmlFor={id}>
        {NUMBER[section]}. {REPORT_NOTE_SECTION_LABELS[section]}
      </label>
      <textarea
        id={id}
        className="textarea"
        value={text}
        maxLength={10_000}
        onChange={(e) => {
          setText(e.target.value);
          setMessage(null);
        }}
      />
      <div className="btn-row" style={{ marginTop: 8, alignItems: "center" }}>
        <button type="button" className="btn" disabled={busy || text === saved} onClick={save}>
          <Icon name="check" /> {busy ? "Đang lưu…" : "Lưu"}
        </button>
        {message && (
          <span className={message.ok ? "small" : "field-error"} role={message.ok ? "status" : "alert"}>
            {message.text}
          </span>
        )}
      </div>
    </div>
  );
}

export function NotesSection({ report, onSaved }: { report: Report; onSaved(): void }) {
  const sections: ReportNoteSection[] = ["difficulties", "proposals"];
  if (!report.canEditNotes) {
    return (
      <section className="card report-section" aria-label="Khó khăn và đề xuất">
        {sections.map((s) => (
          <div key={s}>
            <h3>
              {NUMBER[s]}. {REPORT_NOTE_SECTION_LABELS[s]}
            </h3>
            <p style={{ whiteSpace: "pre-wrap" }}>
              {report.notes[s] ?? <span className="muted">Chưa có nội dung.</span>}
            </p>
          </div>
        ))}
      </section>
    );
  }
  return (
    <section className="card report-section" aria-label="Khó khăn và đề xuất">
      <p className="small muted" style={{ marginTop: 0 }}>
        Phần này do cán bộ ghi cho đúng kỳ báo cáo đang xem; nội dung được đưa vào tệp Excel.
      </p>
      {sections.map((s) => (
        // Re-mount when the period changes, so the editor starts from that period's text.
        <NoteEditor
          key={`${s}:${report.unit.id}:${report.period.from}:${report.period.to}`}
          report={report}
          section={s}
          onSaved={onSaved}
        />
      ))}
    </section>
  );
}
