;;; encaisse.el --- Ask Encaisse about your receivables -*- lexical-binding: t; -*-

;; Requires: Emacs 28+ (built-in jsonrpc.el)
;; Usage: (load "/path/to/Scripts/editors/emacs/encaisse.el")
;;        M-x encaisse-ask, M-x encaisse-insert-draft

;;; Commentary:
;; One long-lived `encaisse rpc' process per Emacs, spoken to with
;; JSON-RPC 2.0 (Content-Length framing) through `jsonrpc-process-connection'.
;; Every question is sent with the same session id, so context carries over
;; ("combien me doit Dupont ?" then "et Durand ?").

;;; Code:

(require 'jsonrpc)
(require 'cl-lib)
(require 'subr-x)

(defgroup encaisse nil
  "Encaisse, the receivables assistant."
  :group 'tools
  :prefix "encaisse-")

(defcustom encaisse-command '("encaisse")
  "Program and options used to start the server.
\"rpc\" is inserted after the program name, e.g.
\\='(\"encaisse\" \"--demo\" \"--today\" \"2026-11-22\") or
\\='(\"encaisse\" \"--db\" \"/path/to/encaisse.sqlite\")."
  :type '(repeat string))

(defcustom encaisse-request-timeout 10
  "Seconds to wait for an answer from the server."
  :type 'number)

(defvar encaisse--connection nil "The live `jsonrpc-process-connection', or nil.")
(defvar encaisse--session-id nil "Session id sent with every question.")

(defun encaisse--session ()
  (or encaisse--session-id
      (setq encaisse--session-id
            (format "emacs-%d-%s-%d" (emacs-pid)
                    (format-time-string "%s%N") (random 1000000)))))

(defun encaisse--live-p ()
  (and encaisse--connection (jsonrpc-running-p encaisse--connection)))

(defun encaisse--connection ()
  "Return the live connection, starting the server if needed."
  (unless (encaisse--live-p)
    (let* ((program (car encaisse-command))
           (argv (append (list program "rpc") (cdr encaisse-command)))
           (name "encaisse"))
      (unless (and program (executable-find program))
        (user-error "Encaisse : programme introuvable : %s" program))
      (setq encaisse--connection
            (make-instance
             'jsonrpc-process-connection
             :name name
             :events-buffer-scrollback-size 0
             :process (lambda ()
                        (make-process
                         :name name
                         :command argv
                         :connection-type 'pipe
                         :coding 'utf-8-emacs-unix
                         :noquery t
                         :stderr (get-buffer-create (format "*%s stderr*" name))))
             :notification-dispatcher #'ignore
             :request-dispatcher #'ignore
             :on-shutdown (lambda (_conn) (setq encaisse--connection nil))))
      (jsonrpc-request encaisse--connection :initialize '(:clientName "emacs")
                       :timeout encaisse-request-timeout)))
  encaisse--connection)

(defun encaisse-stop ()
  "Stop the encaisse server."
  (interactive)
  (when (encaisse--live-p)
    (let ((conn encaisse--connection))
      (ignore-errors (jsonrpc-request conn :shutdown nil :timeout 2))
      (ignore-errors (jsonrpc-notify conn :exit nil))
      ;; Let the server exit by itself before jsonrpc cleans up.
      (let ((proc (jsonrpc--process conn)) (tries 0))
        (while (and (process-live-p proc) (< tries 20))
          (accept-process-output proc 0.05)
          (cl-incf tries))
        (accept-process-output nil 0.01))
      (ignore-errors (jsonrpc-shutdown conn t))))
  (setq encaisse--connection nil
        encaisse--session-id nil))

(add-hook 'kill-emacs-hook #'encaisse-stop)

(defun encaisse--request (method params)
  "Synchronous request.  Return (ok . RESULT) or (error CODE MESSAGE DATA)."
  (condition-case err
      (cons 'ok (jsonrpc-request (encaisse--connection) method params
                                 :timeout encaisse-request-timeout))
    (jsonrpc-error
     (let ((info (cdr err)))
       (list 'error
             (cdr (assq 'jsonrpc-error-code info))
             (or (cdr (assq 'jsonrpc-error-message info)) "erreur inconnue")
             (cdr (assq 'jsonrpc-error-data info)))))))

(defun encaisse--names (list)
  "Names from LIST, a vector of strings or of (:id N :name S) objects."
  (delq nil (mapcar (lambda (c)
                      (cond ((stringp c) c)
                            ((and (listp c) (stringp (plist-get c :name)))
                             (plist-get c :name))))
                    (append list nil))))

(defun encaisse--ask (text)
  "Ask TEXT in the session; return the reply string, or nil after a message.
An ambiguous (-32002) or unknown (-32001) client is resolved with
`completing-read' and the chosen name is sent in the same session."
  (let ((answer (encaisse--request :ask (list :text text :sessionId (encaisse--session)))))
    (if (eq (car answer) 'ok)
        (let ((reply (plist-get (cdr answer) :reply)))
          (if (stringp reply) reply ""))
      (pcase-let* ((`(error ,code ,message ,data) answer)
                   (choices (pcase code
                              (-32002 (encaisse--names (plist-get data :candidates)))
                              (-32001 (encaisse--names (plist-get data :suggestions))))))
        (if choices
            (let ((choice (completing-read
                           (concat (car (split-string message "\n")) " ")
                           choices nil t)))
              (if (string-empty-p choice)
                  (progn (message "Encaisse : question abandonnée") nil)
                (encaisse--ask choice)))
          (message "%s" message)
          nil)))))

(defun encaisse--safely (fn)
  "Call FN, turning any error into a message (never a backtrace)."
  (condition-case err
      (funcall fn)
    (quit (message "Encaisse : question abandonnée") nil)
    (error (message "Encaisse : %s" (error-message-string err)) nil)))

;;;###autoload
(defun encaisse-ask (question)
  "Ask QUESTION to Encaisse and show the reply in the *Encaisse* buffer."
  (interactive (list (read-string "Encaisse : ")))
  (encaisse--safely
   (lambda ()
     (when-let ((reply (encaisse--ask question)))
       (with-current-buffer (get-buffer-create "*Encaisse*")
         (let ((inhibit-read-only t))
           (erase-buffer)
           (insert reply "\n"))
         (special-mode)
         (goto-char (point-min)))
       (display-buffer "*Encaisse*")
       reply))))

;;;###autoload
(defun encaisse-insert-draft (question)
  "Ask QUESTION to Encaisse and insert the reply at point."
  (interactive (list (read-string "Encaisse (insérer) : ")))
  (let ((buffer (current-buffer))
        (pos (point-marker)))
    (encaisse--safely
     (lambda ()
       (when-let ((reply (encaisse--ask question)))
         (with-current-buffer buffer
           (save-excursion (goto-char pos) (insert reply)))
         (when (eq (current-buffer) buffer) (goto-char (+ pos (length reply))))
         reply)))))

(defun encaisse-client-names (prefix &optional limit)
  "Client names starting with PREFIX (RPC method clients.complete)."
  (let ((answer (encaisse--request :clients.complete
                                   (list :prefix (or prefix "") :limit (or limit 50)))))
    (when (eq (car answer) 'ok)
      (encaisse--names (plist-get (cdr answer) :names)))))

;;;###autoload
(defun encaisse-completion-at-point ()
  "Complete client names at point; add to `completion-at-point-functions'."
  (let ((end (point))
        (start (save-excursion
                 (skip-chars-backward "^ \t\n\"«(,;:")
                 (point))))
    (when (< start end)
      (list start end
            (completion-table-dynamic
             (lambda (prefix) (ignore-errors (encaisse-client-names prefix))))
            :exclusive 'no))))

(provide 'encaisse)
;;; encaisse.el ends here
