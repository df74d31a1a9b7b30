// After a passkey is created the session is verified: reload, and the page shows the
// recovery codes. A file, not an inline script, so the Content Security Policy allows it.
document.addEventListener("otp_webauthn.register_complete", () => {
  window.location.reload();
});
