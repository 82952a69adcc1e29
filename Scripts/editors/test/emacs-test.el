;;; emacs-test.el --- Batch tests of encaisse.el against the real binary -*- lexical-binding: t; -*-
;; emacs --batch -Q -l Scripts/editors/test/emacs-test.el -f ert-run-tests-batch-and-exit
;; Binary: $ENCAISSE_BIN (default .build/debug/encaisse).

(require 'ert)
(require 'cl-lib)
(load (expand-file-name "../emacs/encaisse.el"
                        (file-name-directory (or load-file-name buffer-file-name)))
      nil t)

(setq encaisse-command
      (list (expand-file-name (or (getenv "ENCAISSE_BIN") ".build/debug/encaisse"))
            "--demo" "--today" "2026-11-22"))

(defun encaisse-test--buffer-text ()
  (with-current-buffer "*Encaisse*" (buffer-string)))

(ert-deftest encaisse-1-ask-and-context ()
  (encaisse-stop)
  (encaisse-ask "combien me doit Dupont ?")
  (should (string-match-p "Boulangerie Dupont" (encaisse-test--buffer-text)))
  (encaisse-ask "et Durand ?")
  (should (string-match-p "Durand SAS" (encaisse-test--buffer-text))))

(ert-deftest encaisse-2-complete-names ()
  (let ((names (encaisse-client-names "Mar")))
    (should (member "Martin SARL" names))
    (should (member "Martin & Fils" names)))
  (with-temp-buffer
    (insert "Relancer Mar")
    (let ((capf (encaisse-completion-at-point)))
      (should (= (nth 0 capf) 10))
      (should (member "Martin SARL" (all-completions "Mar" (nth 2 capf)))))))

(ert-deftest encaisse-3-ambiguous-then-insert ()
  ;; On a freshly started server: the chosen name must reach the same session.
  (encaisse-stop)
  (let (seen)
    (cl-letf (((symbol-function 'completing-read)
               (lambda (_prompt collection &rest _)
                 (setq seen collection)
                 (nth 1 collection))))
      (with-temp-buffer
        (insert "Note : ")
        (encaisse-insert-draft "combien me doit Martin ?")
        (should (member "Martin SARL" seen))
        (should (member "Martin & Fils" seen))
        (should (string-match-p "\\`Note : Martin SARL vous doit" (buffer-string)))))))

(ert-deftest encaisse-4-other-errors-are-messages ()
  (let (messages)
    (cl-letf (((symbol-function 'message)
               (lambda (fmt &rest args) (push (apply #'format fmt args) messages))))
      (should-not (encaisse-ask "combien me doit Zorglub ?")))
    (should (cl-some (lambda (m) (string-match-p "introuvable" m)) messages))))

(ert-deftest encaisse-5-missing-program-is-a-message ()
  (encaisse-stop)
  (let ((encaisse-command '("/nonexistent/encaisse")) messages)
    (cl-letf (((symbol-function 'message)
               (lambda (fmt &rest args) (push (apply #'format fmt args) messages))))
      (should-not (encaisse-ask "aide")))
    (should (cl-some (lambda (m) (string-match-p "introuvable" m)) messages))))

(add-hook 'kill-emacs-hook #'encaisse-stop)
