#!/bin/sh
# Checks deploy/nginx/*.conf with `nginx -t` without installing anything: each site file is put in a
# throwaway prefix beside a minimal nginx.conf that includes it at http level, with the snippet where
# /etc/nginx/snippets/ would be, and — for the TLS file — a self-signed certificate in place of the
# Let's Encrypt one and the log paths moved into the prefix.
#
#     sh deploy/nginx/check.sh            (needs Debian's nginx; run as root or as a user who can bind
#                                          nothing: -t only parses and opens files)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=interviews.example.com \
    -keyout "$work/privkey.pem" -out "$work/fullchain.pem" >/dev/null 2>&1

status=0
for site in interviewflow.conf interviewflow-loopback.conf; do
    prefix="$work/${site%.conf}"
    mkdir -p "$prefix/snippets" "$prefix/logs" "$prefix/tmp"
    cp "$here/interviewflow-proxy.conf" "$prefix/snippets/"
    sed -e "s#/etc/letsencrypt/live/interviews.example.com/#$work/#" \
        -e "s#/var/log/nginx/#$prefix/logs/#" \
        "$here/$site" > "$prefix/site.conf"
    cat > "$prefix/nginx.conf" <<WRAP
pid $prefix/nginx.pid;
error_log $prefix/logs/error.log;
events { worker_connections 1024; }
http {
    access_log $prefix/logs/access.log;
    client_body_temp_path $prefix/tmp/body;
    proxy_temp_path $prefix/tmp/proxy;
    fastcgi_temp_path $prefix/tmp/fastcgi;
    uwsgi_temp_path $prefix/tmp/uwsgi;
    scgi_temp_path $prefix/tmp/scgi;
    include $prefix/site.conf;
}
WRAP
    echo "== $site"
    # -p and -c: relative includes (snippets/…) resolve against the directory of nginx.conf, as they
    # do against /etc/nginx once installed.
    if ! nginx -t -q -p "$prefix/" -c "$prefix/nginx.conf" -e "$prefix/logs/error.log"; then
        status=1
    else
        echo "syntax ok, test successful"
    fi
done
exit $status
