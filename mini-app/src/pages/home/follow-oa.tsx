/**
 * "Quan tâm OA": followOA (zmp-sdk) so the team's updates can reach the person in Zalo chat.
 * In the sandbox, the local Zalo stand-in then sends our webhook the follow event, as Zalo would.
 */
import { useState } from "react";
import { followOA } from "zmp-sdk/apis";
import { api } from "../../api/endpoints";
import { oaId } from "../../config";
import { Icon } from "../../icons";
import { useSession } from "../../state/session";

export function FollowOa() {
  const session = useSession();
  const [state, setState] = useState<"idle" | "busy" | "done" | "refused">("idle");
  const id = oaId();
  if (!id) return null;

  const follow = async () => {
    setState("busy");
    try {
      await followOA({ id });
      if (session.sandbox && session.persona?.followerId) await api.sandboxFollow(session.persona.followerId);
      setState("done");
    } catch {
      setState("refused");
    }
  };

  return (
    <section className="section card follow-card" aria-labelledby="follow-title">
      <h2 id="follow-title" className="section-title" style={{ margin: 0 }}>
        Nhận tin qua Zalo
      </h2>
      <p style={{ margin: 0 }}>
        Quan tâm OA Cầu Nối để nhận tin nhắn khi Tổ công nghệ nhận việc, xử lý xong, và thông báo của xã.
      </p>
      {state === "done" ? (
        <p className="banner ok" role="status" style={{ margin: 0 }}>
          <Icon name="check" /> Cảm ơn anh/chị đã quan tâm OA.
        </p>
      ) : (
        <button type="button" className="btn block" onClick={follow} disabled={state === "busy"}>
          <Icon name="chat" /> Quan tâm OA
        </button>
      )}
      {state === "refused" && (
        <p className="field-error" role="alert">
          Chưa quan tâm được OA. Anh/chị có thể thử lại sau.
        </p>
      )}
    </section>
  );
}
