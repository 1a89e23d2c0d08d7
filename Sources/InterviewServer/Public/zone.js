// Keeps the `tz` cookie at this browser's time zone, so the server shows times on the reader's own
// clock (DisplayZone.swift). A zone fixed on the account page (`tz_fixed`) is left alone. The zone is
// set for the next page, never by reloading this one: a page answering a form must not be re-sent.
(function () {
  "use strict";
  let zone;
  try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { return; }
  // An IANA name; anything else the server would refuse anyway.
  if (!zone || !/^[A-Za-z0-9_+\-\/]{1,64}$/.test(zone)) return;
  const fill = () => {
    for (const field of document.querySelectorAll('input[name="browserZone"]')) field.value = zone;
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fill); else fill();
  const cookies = document.cookie.split(";").map((c) => c.trim());
  if (cookies.includes("tz_fixed=1") || cookies.includes("tz=" + zone)) return;
  const secure = location.protocol === "https:" ? "; Secure" : "";
  document.cookie = "tz=" + zone + "; path=/; max-age=31536000; SameSite=Lax" + secure;
})();
