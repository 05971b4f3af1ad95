import { AppHeader } from "../../components/app-header";

export function HomeHeader() {
  return <AppHeader title="Cầu Nối" back={false} />;
}
