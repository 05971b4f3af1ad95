/**
 * /join?token=…: where a team invite link (or its QR code) opens the mini app. It says what the
 * person is invited to, and "Tham gia Tổ" accepts it (POST /api/invites/accept); the profile is
 * loaded again so home shows the member's entries at once.
 *
 * The server previews the invite first (team, village, role), so the person knows what they join;
 * a used-up, expired or damaged link shows the server's explanation instead.
 */
import type { inviteAcceptedSchema } from "@cau-noi/shared";
import { CIVIC_ROLE_LABELS } from "@cau-noi/shared/domain";
import { useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import type { z } from "zod";
import { adminApi } from "../../api/admin-endpoints";
import { messageOf } from "../../api/errors";
import { invalidate, useResource } from "../../api/resource";
import { ErrorState } from "../../components/error-state";
import { Screen } from "../../components/screen";
import { Icon } from "../../icons";
import { PROFILE_KEY, useProfile } from "../../state/profile";

type InviteAccepted = z.infer<typeof inviteAcceptedSchema>;

function Joined({ result }: { result: InviteAccepted }) {
  return (
    <>
      <div className="banner ok" role="status">
        <Icon name="check" />
        <div className="grow">
          <strong>
            {result.joined ? "Chào mừng anh/chị tham gia" : "Anh/chị đã là thành viên của"} {result.team.name}
            .
          </strong>
          <div>
            {result.team.unitName} · {CIVIC_ROLE_LABELS[result.civicRole]}
            {result.isLeader ? " · Tổ trưởng" : ""}
          </div>
        </div>
      </div>
      <p>
        Việc của tổ hiện ở mục “Tổ công nghệ – việc cần làm” trên trang chủ. Khi có người dân nhờ giúp,
        anh/chị nhận tin nhắn qua Zalo.
      </p>
      <Link to="/" className="btn accent block">
        Về trang chủ
      </Link>
    </>
  );
}

function Join({ token }: { token: string }) {
  const me = useProfile().data.data;
  const offer = useResource(`invite-preview:${token}`, () => adminApi.previewInvite(token)).data;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<InviteAccepted | null>(null);
  if (result) return <Joined result={result} />;

  const accept = async () => {
    setBusy(true);
    setError(null);
    try {
      const accepted = await adminApi.acceptInvite(token);
      // My roles changed: home must show the team's entries.
      invalidate(PROFILE_KEY);
      setResult(accepted);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <section className="section card">
        <p className="lead" style={{ marginTop: 0 }}>
          Chào anh/chị <strong>{me.displayName}</strong>,
        </p>
        <p>
          Cán bộ xã mời anh/chị tham gia <strong>{offer.team.name}</strong> ({offer.team.unitName}) với vai
          trò <strong>{CIVIC_ROLE_LABELS[offer.civicRole]}</strong>
          {offer.isLeader ? (
            <>
              {" "}
              (<strong>tổ trưởng</strong>)
            </>
          ) : null}
          .
        </p>
        <p className="small muted" style={{ marginBottom: 0 }}>
          Thành viên tổ giúp bà con trong thôn dùng VNeID, dịch vụ công trực tuyến, thanh toán không dùng tiền
          mặt. Thành viên không bao giờ hỏi mã OTP hay mật khẩu của người dân.
        </p>
      </section>
      <button type="button" className="btn accent block" onClick={accept} disabled={busy}>
        <Icon name="team" />{" "}
        {busy ? "Đang xử lý…" : offer.acceptedByYou ? "Mở lại trang của tổ" : "Tham gia Tổ"}
      </button>
      {error && (
        <p className="banner error" role="alert">
          {error}
        </p>
      )}
      <Link to="/" className="btn link block">
        Để sau
      </Link>
    </>
  );
}

export default function JoinPage() {
  const [params] = useSearchParams();
  const token = params.get("token")?.trim() ?? "";
  return (
    <Screen title="Tham gia Tổ công nghệ" back="/">
      {token ? (
        <Join token={token} />
      ) : (
        <ErrorState message="Đường dẫn mời chưa đúng. Anh/chị vui lòng mở lại đường dẫn cán bộ xã đã gửi." />
      )}
    </Screen>
  );
}
