"""Headless Chromium for the XSS tests: one browser for the run, a hook that records every call of
`__xss()`/`alert()` before any page script runs (CDP Page.addScriptToEvaluateOnNewDocument), JavaScript
dialogs caught as they open, and a DOM scan that finds injected markup whether or not a CSP blocked it."""
import atexit
import shutil
import time

from harness import fixture

HOOK = r"""
(function () {
  function record(kind, value) {
    var text = kind + ':' + String(value);
    try { (window.top.__xssCalls = window.top.__xssCalls || []).push(text); } catch (e) {}
    try { (window.__xssCalls = window.__xssCalls || []).push(text); } catch (e) {}
    try { sessionStorage.setItem('__xss', (sessionStorage.getItem('__xss') || '') + '\n' + text); } catch (e) {}
  }
  window.__xss = function (m) { record('call', m); };
  // Each dialog opens once per message, so Selenium sees it, but a payload that re-fires (autofocus plus
  // onfocus) cannot keep the page behind an endless row of dialogs.
  var opened = {};
  ['alert', 'confirm', 'prompt'].forEach(function (name) {
    var original = window[name];
    window[name] = function (m) {
      record(name, m);
      if (opened[name + m]) return name === 'confirm' ? false : null;
      opened[name + m] = true;
      return original.apply(window, arguments);
    };
  });
})();
"""

# Finds markup that carries a payload marker where it could run: an on* attribute, a script URL in a
# URL-valued attribute, an executable <script> with a marker in its text, or an iframe/object/embed/base/meta
# /form made by a payload. Same-origin frames are scanned too.
SCAN = r"""
var marker = /xss_[a-z]+_\d\d/;
var urlAttributes = ['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'background', 'poster', 'codebase', 'srcdoc', 'content'];
var found = [];
function executable(type) {
  type = (type || '').trim().toLowerCase();
  return type === '' || type === 'module' || /^(text|application)\/(x-)?(java|ecma)script$/.test(type);
}
function scan(doc, where) {
  var all = doc.querySelectorAll('*');
  for (var i = 0; i < all.length; i++) {
    var el = all[i], tag = el.tagName.toLowerCase();
    for (var j = 0; j < el.attributes.length; j++) {
      var name = el.attributes[j].name.toLowerCase(), value = el.attributes[j].value;
      if (!marker.test(value)) continue;
      var id = value.match(marker)[0];
      var squeezed = value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
      if (name.indexOf('on') === 0) found.push([id, where + '<' + tag + ' ' + name + '="' + value.slice(0, 80) + '">']);
      else if (urlAttributes.indexOf(name) >= 0 && (/^(javascript|vbscript):/.test(squeezed) || /^data:text\/html/.test(squeezed) || name === 'srcdoc' || (name === 'content' && squeezed.indexOf('javascript:') >= 0)))
        found.push([id, where + '<' + tag + ' ' + name + '="' + value.slice(0, 80) + '">']);
      else if (['iframe', 'frame', 'object', 'embed', 'base', 'meta', 'form', 'math'].indexOf(tag) >= 0)
        found.push([id, where + '<' + tag + ' ' + name + '="' + value.slice(0, 80) + '"> (element made by a payload)']);
    }
    if (tag === 'script' && executable(el.getAttribute('type')) && marker.test(el.textContent))
      found.push([el.textContent.match(marker)[0], where + '<script>' + el.textContent.slice(0, 80)]);
    if (tag === 'iframe' || tag === 'frame') {
      try { if (el.contentDocument) scan(el.contentDocument, where + 'iframe › '); } catch (e) {}
    }
  }
}
scan(document, '');
var calls = (window.__xssCalls || []).slice();
try { calls = calls.concat((sessionStorage.getItem('__xss') || '').split('\n').filter(Boolean)); sessionStorage.removeItem('__xss'); } catch (e) {}
window.__xssCalls = [];
return {found: found, calls: calls, url: location.href, title: document.title};
"""

_drivers = []


@fixture
def chromium():
    from selenium import webdriver
    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000",
                 "--lang=en-US", "--disable-gpu", "--no-first-run", "--disable-extensions"):
        options.add_argument(flag)
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    options.set_capability("unhandledPromptBehavior", "ignore")
    driver = webdriver.Chrome(options=options)
    _drivers.append(driver)
    driver.set_page_load_timeout(30)
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": HOOK})
    return driver


def quit_all():
    while _drivers:
        driver = _drivers.pop()
        try:
            driver.quit()
        except Exception:
            pass


atexit.register(quit_all)


def dialogs(driver, limit=20):
    """Accepts every open JavaScript dialog; returns their texts."""
    from selenium.common.exceptions import NoAlertPresentException
    texts = []
    for _ in range(limit):
        try:
            alert = driver.switch_to.alert
            texts.append(alert.text)
            alert.accept()
        except NoAlertPresentException:
            break
        except Exception:
            break
    return texts


def visit(driver, url, ready=None, settle=0.4):
    """Opens `url` and returns (findings, calls, dialogs): injected markup found in the DOM, hook records,
    and dialog texts. `ready` is a JS expression to wait for (the console's script having drawn)."""
    from selenium.common.exceptions import TimeoutException, UnexpectedAlertPresentException, WebDriverException
    seen_dialogs = []
    try:
        driver.get(url)
    except UnexpectedAlertPresentException:
        pass
    except TimeoutException:
        pass
    seen_dialogs += dialogs(driver)
    deadline = time.monotonic() + 8
    while ready and time.monotonic() < deadline:
        try:
            if driver.execute_script(f"return !!({ready});"):
                break
        except UnexpectedAlertPresentException:
            seen_dialogs += dialogs(driver)
        except WebDriverException:
            pass
        time.sleep(0.2)
    time.sleep(settle)
    result = None
    for _ in range(5):
        seen_dialogs += dialogs(driver)
        try:
            result = driver.execute_script(SCAN)
            break
        except UnexpectedAlertPresentException:
            continue
    seen_dialogs += dialogs(driver)
    result = result or {"found": [], "calls": [], "url": url}
    return result["found"], result["calls"], seen_dialogs, result.get("url")


def login(driver, base, email, password):
    """Signs in through the login form (once per server and account: the cookie stays in the browser)."""
    from selenium.webdriver.common.by import By
    if getattr(driver, "signed_in_as", None) == (base, email):
        return
    driver.delete_all_cookies()
    driver.get(base + "/login")
    dialogs(driver)
    driver.find_element(By.NAME, "email").send_keys(email)
    driver.find_element(By.NAME, "password").send_keys(password)
    driver.find_element(By.CSS_SELECTOR, "form[action=\"/login\"] button").click()
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        dialogs(driver)
        try:
            if "/login" not in driver.current_url:
                driver.signed_in_as = (base, email)
                return
        except Exception:
            pass
        time.sleep(0.2)
    raise AssertionError(f"Chromium could not log in as {email}: still at {driver.current_url}")
