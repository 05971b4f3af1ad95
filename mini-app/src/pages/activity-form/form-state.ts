/** The activity form: its values, checks in plain Vietnamese, and the bodies of POST / PATCH. */
import type { ActivityDetail } from "@cau-noi/shared";
import type { ActivityForm as ActivityFormCode } from "@cau-noi/shared/domain";
import type { NewActivity } from "../../api/staff-endpoints";

export interface PhotoRef {
  id: string;
  url: string;
}

export interface ActivityFormValues {
  activityDate: string;
  place: string;
  topic: string;
  form: ActivityFormCode | null;
  memberPersonIds: number[];
  residentsReached: string;
  leaflets: string;
  photos: PhotoRef[];
  note: string;
}

export type ActivityErrors = Partial<Record<keyof ActivityFormValues, string>>;

/** Today on this phone's calendar (Vietnam for the people using it), YYYY-MM-DD. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function emptyForm(me: number): ActivityFormValues {
  return {
    activityDate: today(),
    place: "",
    topic: "",
    form: null,
    memberPersonIds: [me],
    residentsReached: "",
    leaflets: "",
    photos: [],
    note: "",
  };
}

export function formOf(activity: ActivityDetail): ActivityFormValues {
  return {
    activityDate: activity.activityDate,
    place: activity.place,
    topic: activity.topic,
    form: activity.form,
    memberPersonIds: activity.members.map((m) => m.id),
    residentsReached: String(activity.residentsReached),
    leaflets: String(activity.leaflets),
    photos: activity.photoIds.map((id, i) => ({ id, url: activity.photoUrls[i] ?? "" })),
    note: activity.note ?? "",
  };
}

const WHOLE = /^\d{1,7}$/;

export function checkActivity(values: ActivityFormValues): ActivityErrors {
  const errors: ActivityErrors = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.activityDate)) errors.activityDate = "Vui lòng chọn ngày hoạt động.";
  else if (values.activityDate > today()) errors.activityDate = "Ngày hoạt động không được sau hôm nay.";
  if (values.place.trim().length < 2) errors.place = "Vui lòng nhập địa điểm.";
  if (values.topic.trim().length < 3) errors.topic = "Vui lòng nhập nội dung, chủ đề (ít nhất 3 ký tự).";
  if (!values.form) errors.form = "Vui lòng chọn hình thức hoạt động.";
  if (values.memberPersonIds.length === 0) errors.memberPersonIds = "Vui lòng chọn thành viên tham gia.";
  if (values.residentsReached.trim() && !WHOLE.test(values.residentsReached.trim()))
    errors.residentsReached = "Số người dân phải là số nguyên, không âm.";
  if (values.leaflets.trim() && !WHOLE.test(values.leaflets.trim()))
    errors.leaflets = "Số tờ rơi phải là số nguyên, không âm.";
  if (values.note.trim().length > 2000) errors.note = "Ghi chú dài quá 2000 ký tự.";
  return errors;
}

/** The server's field names are the form's own. */
export function errorsFromServer(fields: Record<string, string>): ActivityErrors {
  const errors: ActivityErrors = {};
  for (const [key, message] of Object.entries(fields)) {
    const field = (key === "photoIds" ? "photos" : key.split(".")[0]) as keyof ActivityFormValues;
    if (field) errors[field] ??= message;
  }
  return errors;
}

const count = (value: string) => (value.trim() ? Number(value.trim()) : 0);

function fields(values: ActivityFormValues) {
  return {
    activityDate: values.activityDate,
    place: values.place.trim(),
    topic: values.topic.trim(),
    form: values.form as ActivityFormCode,
    memberPersonIds: values.memberPersonIds,
    residentsReached: count(values.residentsReached),
    leaflets: count(values.leaflets),
    photoIds: values.photos.map((p) => p.id),
  };
}

export function toCreate(teamId: number, values: ActivityFormValues): NewActivity {
  const note = values.note.trim();
  return { teamId, ...fields(values), ...(note ? { note } : {}) };
}

export function toUpdate(values: ActivityFormValues) {
  const note = values.note.trim();
  return { ...fields(values), note: note || null };
}
