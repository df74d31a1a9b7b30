"""Second factor for staff sign-in (django-otp): passkeys, authenticator codes, recovery codes.

Staff sign in with their password at the admin's login page; `MFARequiredMiddleware` then
sends them to enrol a second factor (first sign-in) or to verify one before any admin or
staff page. Failed codes are limited like passwords (`throttle`). See README "Sign-in".
"""
