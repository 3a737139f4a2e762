#!/bin/sh
# Make a self-signed certificate for GOBAN_DOMAIN when the mounted TLS folder
# has none, so HTTPS works before a real certificate is installed. A
# certificate already there, self-signed or from Let's Encrypt, is kept.
set -eu

dir=/etc/nginx/tls
domain=${GOBAN_DOMAIN:-localhost}

if [ -s "$dir/fullchain.pem" ] && [ -s "$dir/privkey.pem" ]; then
    exit 0
fi

echo "$0: no certificate in $dir; making a self-signed one for $domain" >&2
mkdir -p "$dir"
umask 077
openssl req -x509 -newkey rsa:2048 -nodes -days 825 \
    -subj "/CN=$domain" \
    -addext "subjectAltName=DNS:$domain,DNS:localhost,IP:127.0.0.1" \
    -keyout "$dir/privkey.pem" -out "$dir/fullchain.pem" 2>/dev/null
chmod 644 "$dir/fullchain.pem"
