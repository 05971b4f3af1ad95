/**
 * "Hỏi đáp – kiến nghị" (SPEC §2 #7): questions the commune answered publicly, the asker's
 * identity never shown; "Đặt câu hỏi" sends a new one privately.
 */
import { CATEGORY_LABELS } from "@cau-noi/shared/domain";
import { Link } from "react-router-dom";
import { citizenApi, type PublicQuestion } from "../../api/citizen-endpoints";
import { Screen } from "../../components/screen";
import { Icon } from "../../icons";
import { inSentence } from "../citizen-common/format";
import { WithHomeVillage } from "../citizen-common/home-village";
import { PagedList } from "../citizen-common/paged-list";
import "../../styles/citizen.css";
import { formatDate } from "../../lib/dates";

function QuestionCard({ item, communeName }: { item: PublicQuestion; communeName: string }) {
  return (
    <li className="item-card">
      <div className="meta">
        <span className="tag">{CATEGORY_LABELS[item.category] ?? item.category}</span>
        <span>Trả lời ngày {formatDate(item.answeredAt)}</span>
      </div>
      <p className="question-text">
        <span className="qa-label">Hỏi: </span>
        {item.question}
      </p>
      <div className="answer-box">
        <span className="who">Trả lời của UBND {communeName}</span>
        <p>{item.answer}</p>
      </div>
    </li>
  );
}

export default function QuestionsPage() {
  return (
    <Screen title="Hỏi đáp – kiến nghị">
      <div className="page-actions">
        <Link to="/questions/new" className="btn accent block">
          <Icon name="question" /> Đặt câu hỏi, kiến nghị
        </Link>
      </div>
      <WithHomeVillage>
        {(village) => (
          <PagedList
            key={village.communeId}
            resourceKey={`citizen:questions:${village.communeId}`}
            load={(before) => citizenApi.questions(village.communeId, before)}
            empty="Chưa có câu hỏi nào được trả lời công khai. Anh/chị có thể là người hỏi đầu tiên."
          >
            {(items) => (
              <section className="section" aria-labelledby="answered-title">
                <h2 id="answered-title" className="section-title">
                  Câu hỏi đã được trả lời
                </h2>
                <ul className="list">
                  {items.map((item) => (
                    <QuestionCard key={item.id} item={item} communeName={inSentence(village.communeName)} />
                  ))}
                </ul>
              </section>
            )}
          </PagedList>
        )}
      </WithHomeVillage>
    </Screen>
  );
}
