import { KIOSK_START_URL } from './kiosk-url.js';

/** Seconds the recovery page waits before trying the kiosk again. */
export const RECOVERY_RETRY_SECONDS = 15;

/**
 * The page shown when the renderer keeps crashing. Served by the `app://` protocol itself
 * (at RECOVERY_PATH) so it works even when the renderer build is broken or missing.
 *
 * Self-contained and script-free: the CSP forbids inline scripts, so it retries with a
 * meta refresh; styles are inline (allowed by style-src 'unsafe-inline'); system fonts only.
 * Bilingual, and it keeps the help hotlines on screen while the kiosk is down.
 */
export const RECOVERY_PAGE_HTML = `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${RECOVERY_RETRY_SECONDS};url=${KIOSK_START_URL}">
<title>Đang khởi động lại – Restarting</title>
<style>
  html, body { margin: 0; height: 100%; background: #0b1026; color: #f4f6ff; cursor: none; }
  body { display: flex; align-items: center; justify-content: center; font-family: system-ui, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
  main { max-width: 56rem; padding: 3rem; text-align: center; }
  h1 { font-size: 2.6rem; margin: 0 0 .5rem; }
  h2 { font-size: 1.6rem; margin: 0 0 2.5rem; font-weight: 400; color: #c7cdf0; }
  p { font-size: 1.3rem; line-height: 1.5; margin: .4rem 0; }
  .hotlines { display: flex; gap: 2rem; justify-content: center; margin: 2.5rem 0; }
  .hotline { border: 2px solid #ffd166; border-radius: 1rem; padding: 1.2rem 2rem; min-width: 14rem; }
  .number { display: block; font-size: 3.5rem; font-weight: 700; color: #ffd166; }
  .small { font-size: 1rem; color: #9aa3d6; }
</style>
</head>
<body>
<main>
  <h1>Ki-ốt đang khởi động lại</h1>
  <h2 lang="en">The kiosk is restarting</h2>
  <p>Vui lòng chờ trong giây lát, màn hình sẽ tự mở lại.</p>
  <p lang="en">Please wait a moment, it will open again by itself.</p>
  <div class="hotlines">
    <div class="hotline">
      <span class="number">111</span>
      <p>Tổng đài quốc gia bảo vệ trẻ em<br>(miễn phí, 24/7)</p>
      <p lang="en" class="small">National child protection hotline (free, 24/7)</p>
    </div>
    <div class="hotline">
      <span class="number">113</span>
      <p>Công an – khi có nguy hiểm</p>
      <p lang="en" class="small">Police – in an emergency</p>
    </div>
  </div>
  <p>Nếu bạn hoặc người quen gặp nguy hiểm trên mạng, hãy gọi ngay.</p>
  <p lang="en">If you or someone you know is in danger online, call now.</p>
  <p class="small">Nhân viên: nếu màn hình này không tự mất, hãy khởi động lại máy. · Staff: if this screen stays, restart the kiosk.</p>
</main>
</body>
</html>
`;
