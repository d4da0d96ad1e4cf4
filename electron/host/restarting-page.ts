/**
 * The bilingual "the kiosk is restarting" page with the 111 and 113 help lines, shown while
 * the kiosk itself cannot be: by Electron when its renderer keeps crashing (served by the
 * app:// protocol, retried with a meta refresh since its CSP forbids inline scripts), and by
 * Chromium under the browser host while the host is down (deploy/offline/restarting.html, a
 * file:// page that polls the host with a small script). One template, so both say the same.
 *
 * Self-contained: inline styles, system fonts, nothing loaded from anywhere.
 */

export interface RestartingPageOptions {
  /** Extra markup in <head> (Electron: the meta refresh). */
  head: string;
  /** A <script> element at the end of <body> (the offline page's host check), or nothing. */
  script?: string;
}

/** The page's HTML. */
export function restartingPageHtml(options: RestartingPageOptions): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${options.head}<title>Đang khởi động lại – Restarting</title>
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
${options.script ?? ''}</body>
</html>
`;
}
