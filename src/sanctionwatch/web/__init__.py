"""Pages for analysts: logging in with a password, and the cases the user may read.

The pages keep the login token in a cookie (HttpOnly, SameSite=Strict, Secure over HTTPS)
that only these pages accept: the JSON API takes bearer tokens alone, so no other site can
make a browser send an API request with the analyst's credentials. Every page reads through
the same context functions, and so the same `can_read`, as the API.
"""
