/**
 * The page shown when the renderer keeps crashing or cannot load: no script, no app code, so it cannot be
 * the thing that crashes. A data: URL is an opaque origin, so it also fails `isTrustedSender` and cannot
 * call main even though the preload runs in it.
 */
const html = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Một Cửa Kiosk</title>
<style>
  body { margin: 0; height: 100vh; display: flex; align-items: center; justify-content: center;
         font-family: system-ui, sans-serif; background: #f4f6f8; color: #1b2733; text-align: center; }
  h1 { font-size: 3rem; margin: 0 0 1rem; } p { font-size: 1.6rem; margin: .4rem 2rem; }
  .en { color: #4a5866; }
</style></head>
<body><main>
  <h1>Máy tạm ngừng phục vụ</h1>
  <p>Xin vui lòng liên hệ cán bộ tại quầy để được hỗ trợ.</p>
  <p class="en">This kiosk is temporarily out of service. Please ask staff at the counter for help.</p>
</main></body></html>`;

export const OUT_OF_SERVICE_URL = `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;
